package org.mailmigrator.connector.dav.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mailmigrator.core.spi.ConnectorException;

/**
 * What earlier runs read from a DAV source and saw arrive: for each member resource the ETag of the version whose
 * every item was copied (or found unchanged), and for each collection the sync-token of its last run in which every
 * member arrived. A member is remembered only once the migration said so ({@link #arrived}), so an item that
 * failed is read again next run; a collection's token moves on only when nothing of it is left over.
 * <p>
 * Kept in a small text file beside the pair's state store ({@code T<TAB>collection<TAB>token},
 * {@code E<TAB>href<TAB>etag}), written to a temporary file and moved into place, so a crash leaves the old one.
 */
final class SourceMemory {
    private final Optional<Path> file;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, String> etags = new LinkedHashMap<>();
    /** Item key to the member that gave it, until the migration tells what became of it. */
    private final Map<String, String> waiting = new HashMap<>();
    /** Members read this run: their ETag and how many of their items have not yet arrived. */
    private final Map<String, Pending> pending = new HashMap<>();
    /** Members of this run that did not fully arrive (an item failed, or the member could not be read). */
    private final Set<String> missed = new HashSet<>();

    private static final class Pending {
        final String etag;
        int open;

        Pending(String etag) {
            this.etag = etag;
        }
    }

    private SourceMemory(Optional<Path> file) {
        this.file = file;
    }

    static SourceMemory load(Optional<Path> file) throws ConnectorException {
        SourceMemory m = new SourceMemory(file);
        if (file.isEmpty() || !Files.exists(file.get())) {
            return m;
        }
        try (BufferedReader in = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("\t", 3);
                if (f.length == 3 && f[0].equals("T")) {
                    m.tokens.put(f[1], f[2]);
                } else if (f.length == 3 && f[0].equals("E")) {
                    m.etags.put(f[1], f[2]);
                }
                // other lines (a damaged file): forgotten, which only means reading those members again
            }
        } catch (IOException e) {
            throw new ConnectorException.AccountFailure("dav: cannot read " + file.get() + ": " + e.getMessage(), e);
        }
        return m;
    }

    synchronized Optional<String> token(String collection) {
        return Optional.ofNullable(tokens.get(collection));
    }

    /** Whether this very version of the member arrived in an earlier run (nothing to read again). */
    synchronized boolean known(String href, String etag) {
        return !etag.isEmpty() && etag.equals(etags.get(href));
    }

    /** An item of {@code href} (version {@code etag}) goes to the migration under {@code key}. */
    synchronized void given(String href, String etag, String key) {
        pending.computeIfAbsent(href, h -> new Pending(etag)).open++;
        waiting.put(key, href);
    }

    /** The member could not be read whole (a malformed item, a failed fetch): read again next run. */
    synchronized void missed(String href) {
        missed.add(href);
    }

    /** The migration copied the item {@code key}, or found it unchanged. */
    synchronized void arrived(String key) {
        String href = waiting.remove(key);
        Pending p = href == null ? null : pending.get(href);
        if (p != null && --p.open == 0 && !missed.contains(href) && !p.etag.isEmpty()) {
            etags.put(href, p.etag);
        }
    }

    /**
     * The collection was read to its end: its token moves on when every member read this run arrived; {@code hrefs} are
     * the members read.
     */
    synchronized void collectionRead(String collection, Optional<String> newToken, Iterable<String> hrefs) {
        boolean complete = true;
        for (String h : hrefs) {
            Pending p = pending.get(h);
            complete &= !missed.contains(h) && (p == null || p.open == 0);
        }
        if (complete && newToken.isPresent()) {
            tokens.put(collection, newToken.get());
        }
    }

    synchronized void save() throws IOException {
        if (file.isEmpty()) {
            return;
        }
        Path target = file.get();
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("# Mail Migrator: what was read from a CalDAV/CardDAV source (sync-tokens, ETags)\n");
            for (Map.Entry<String, String> t : tokens.entrySet()) {
                w.write("T\t" + t.getKey() + "\t" + t.getValue().replaceAll("[\t\r\n]", " ") + "\n");
            }
            for (Map.Entry<String, String> e : etags.entrySet()) {
                w.write("E\t" + e.getKey() + "\t" + e.getValue().replaceAll("[\t\r\n]", " ") + "\n");
            }
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
