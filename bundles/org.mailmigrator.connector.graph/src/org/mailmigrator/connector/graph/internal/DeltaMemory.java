package org.mailmigrator.connector.graph.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * What a Graph source remembers between runs (the {@code syncState} file, kept beside the pass's state store), per
 * collection (the default calendar, a contact folder, a To Do list): the {@code @odata.deltaLink} its items were
 * read up to, and the ids handed over since whose copy was not confirmed (failed, or the run stopped first): these
 * are read again next run. A collection's new link is kept only once all its items were handed over; the file is
 * written when the session closes, so a run killed before reads the same changes again (the destination finds them
 * unchanged: nothing is written twice).
 */
final class DeltaMemory {
    private final Optional<Path> file;
    private final Properties saved = new Properties();
    private final Map<String, String> given = new HashMap<>();
    private final Map<String, Set<String>> pending = new LinkedHashMap<>();

    private DeltaMemory(Optional<Path> file) {
        this.file = file;
    }

    static DeltaMemory load(Optional<Path> file) throws IOException {
        DeltaMemory m = new DeltaMemory(file);
        if (file.isPresent() && Files.isRegularFile(file.get())) {
            try (InputStream in = Files.newInputStream(file.get())) {
                m.saved.load(in);
            }
        }
        return m;
    }

    /** Whether this source keeps delta links at all (a syncState file was given). */
    boolean enabled() {
        return file.isPresent();
    }

    synchronized String link(String collection) {
        return saved.getProperty("delta." + collection);
    }

    synchronized List<String> unconfirmed(String collection) {
        String ids = saved.getProperty("pending." + collection, "");
        return ids.isBlank() ? List.of() : List.of(ids.split(" "));
    }

    /** A link Graph no longer accepts (410 syncStateNotFound): the collection is listed whole. */
    synchronized void forget(String collection) {
        saved.remove("delta." + collection);
    }

    /** Starts a collection's pass. */
    synchronized void reading(String collection) {
        pending.put(collection, new LinkedHashSet<>());
    }

    /** The item of Graph id {@code id} was handed over under this key. */
    synchronized void given(String collection, String key, String id) {
        given.put(key, collection + " " + id);
        pending.computeIfAbsent(collection, c -> new LinkedHashSet<>()).add(id);
    }

    /** The item of this key arrived (created, updated or unchanged): it is not read again. */
    synchronized void arrived(String key) {
        String at = given.remove(key);
        if (at != null) {
            int sp = at.lastIndexOf(' ');
            Set<String> ids = pending.get(at.substring(0, sp));
            if (ids != null) {
                ids.remove(at.substring(sp + 1));
            }
        }
    }

    /** Every item of the collection was handed over: its new link is kept. */
    synchronized void done(String collection, String link) {
        if (link != null) {
            saved.setProperty("delta." + collection, link);
        }
        saved.setProperty("pending." + collection, String.join(" ", pending.getOrDefault(collection, Set.of())));
    }

    /** Writes the file through a temporary one (a crash keeps the previous one whole). */
    synchronized void save() throws IOException {
        if (file.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Set<String>> p : pending.entrySet()) {
            if (saved.containsKey("pending." + p.getKey())) { // confirmations after the collection's pass ended
                saved.setProperty("pending." + p.getKey(), String.join(" ", p.getValue()));
            }
        }
        Path f = file.get().toAbsolutePath();
        Files.createDirectories(f.getParent());
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            saved.store(out, "Microsoft Graph source: delta links (mailmigrator)");
        }
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
