package org.mailmigrator.connector.ews.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * What a calendar/contacts source remembers between runs (docs/ews-source.md), per Exchange folder: the
 * SyncFolderItems state its items were read up to, and the ids read since that state whose copy was not confirmed
 * (failed, or the run stopped before its outcome): these are read again next run. A folder's new state is kept
 * only once its items were read; the file is written when the session closes, so a run stopped before that reads
 * the same changes again (the destination finds them unchanged: nothing is written twice).
 */
final class SyncMemory {
    private final Optional<Path> file;
    private final Properties saved = new Properties();
    /** Ids handed over whose outcome is not known yet, by item key. */
    private final Map<String, String> given = new HashMap<>();
    private final Map<String, Set<String>> pending = new HashMap<>();

    private SyncMemory(Optional<Path> file) {
        this.file = file;
    }

    static SyncMemory load(Optional<Path> file) throws IOException {
        SyncMemory m = new SyncMemory(file);
        if (file.isPresent() && Files.isRegularFile(file.get())) {
            try (InputStream in = Files.newInputStream(file.get())) {
                m.saved.load(in);
            }
        }
        return m;
    }

    /** The state the folder was read up to, or null (read it from the beginning). */
    synchronized String state(String folder) {
        return saved.getProperty("state." + folder);
    }

    /** Ids of the folder read before and not confirmed as copied. */
    synchronized List<String> unconfirmed(String folder) {
        String ids = saved.getProperty("pending." + folder, "");
        return ids.isBlank() ? List.of() : List.of(ids.split(" "));
    }

    /** Starts a folder's pass: {@code ids} are about to be handed over. */
    synchronized void reading(String folder, List<String> ids) {
        pending.put(folder, new LinkedHashSet<>(ids));
    }

    /** The item of this id was handed over under this key. */
    synchronized void given(String key, String id) {
        given.put(key, id);
    }

    /** The item of this key arrived (created, updated or found unchanged): it is not read again. */
    synchronized void arrived(String key) {
        String id = given.remove(key);
        if (id != null) {
            pending.values().forEach(s -> s.remove(id));
        }
    }

    /** The item of this id is no longer in Exchange (deleted since it was listed): nothing to read again. */
    synchronized void gone(String id) {
        pending.values().forEach(s -> s.remove(id));
    }

    /** The folder's items were all handed over: its new state is kept with the ids still unconfirmed. */
    synchronized void folderRead(String folder, String state) {
        if (state != null) {
            saved.setProperty("state." + folder, state);
        }
        saved.setProperty("pending." + folder, String.join(" ", pending.getOrDefault(folder, Set.of())));
    }

    /** A state Exchange no longer accepts: the folder is read from the beginning. */
    synchronized void forget(String folder) {
        saved.remove("state." + folder);
    }

    /** Writes the file (through a temporary file: a crash keeps the previous one whole). */
    synchronized void save() throws IOException {
        if (file.isEmpty()) {
            return;
        }
        // ids confirmed after their folder's pass ended leave the pending lists too
        for (String folder : new ArrayList<>(pending.keySet())) {
            if (saved.containsKey("pending." + folder)) {
                List<String> still = Arrays.stream(saved.getProperty("pending." + folder).split(" "))
                        .filter(id -> !id.isBlank() && pending.get(folder).contains(id)).toList();
                saved.setProperty("pending." + folder, String.join(" ", still));
            }
        }
        Path f = file.get();
        Files.createDirectories(f.toAbsolutePath().getParent());
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            saved.store(out, "Exchange calendar/contacts source: SyncFolderItems states (mailmigrator)");
        }
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
