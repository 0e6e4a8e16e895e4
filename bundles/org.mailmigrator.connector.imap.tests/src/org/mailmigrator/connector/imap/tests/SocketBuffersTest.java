package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Relay;
import org.mailmigrator.testing.SharedDovecot;

/**
 * The IMAP connector's socket layer (64 KiB buffers under Angus, no flush before a non-synchronizing literal) and
 * its threads, against the shared Dovecot: messages of sizes around the buffers' edges arrive byte for byte over
 * plain IMAP, STARTTLS and implicit TLS (certificate checked against its pin); each APPEND command leaves the client
 * in one write; a server without LITERAL+ still gets its go-ahead waited for; a run of many folders and batches
 * starts a handful of threads, not one per batch and per paired step. What goes over the wire is seen by a relay.
 */
@ExtendWith(SharedDovecot.class)
class SocketBuffersTest {
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)(\\+?)\\}\r\n$");

    /** Messages of exactly these sizes (bytes): around Angus's 2 KiB and 8 KiB buffers, ours of 64 KiB, 1 MiB spooling. */
    private static final int[] EDGES = { 60, 2047, 2048, 2049, 8191, 8193, 65535, 65536, 65537, 131075, 1_048_577,
            1_500_001 };

    /** A message of exactly {@code size} bytes (at least 60): a header, then lines of letters ending in CRLF. */
    private static byte[] message(int size, int n) {
        StringBuilder s = new StringBuilder("From: edge@example.org\r\nSubject: size " + size + " #" + n + "\r\n\r\n");
        for (int left = size - s.length(); left > 0;) {
            int line = left > 100 ? 78 : left; // the last line takes what is left (at least 23 bytes, or all of it)
            for (int i = 0; i < line - 2; i++) {
                s.append((char) ('a' + (i * 7 + n + left) % 26));
            }
            s.append("\r\n");
            left -= line;
        }
        byte[] b = s.toString().getBytes(StandardCharsets.US_ASCII);
        assertEquals(size, b.length);
        return b;
    }

    private static void load(Dovecot d, String user, Map<String, int[]> folders) throws Exception {
        try (ImapProbe probe = ImapProbe.login(d, user)) {
            int n = 0;
            for (var f : folders.entrySet()) {
                if (!f.getKey().equals("INBOX")) {
                    probe.create(f.getKey(), true);
                }
                for (int size : f.getValue()) {
                    n++;
                    probe.append(f.getKey(), message(size, n), n % 3 == 0 ? Set.of("\\Seen") : Set.of(),
                            Instant.parse("2024-01-02T03:04:05Z").plusSeconds(n));
                }
            }
        }
    }

    private static MigrationReport run(Path dir, Account src, Account dst, MigrationSettings settings) throws Exception {
        try (StateStore state = StateStore.openEmbedded(dir, "state")) {
            return new MigrationEngine(Pair.factory(src, Role.SOURCE, Dovecot.PASSWORD),
                    Pair.factory(dst, Role.DESTINATION, Dovecot.PASSWORD), state, settings, MigrationListener.NONE).run();
        }
    }

    private static Account at(Dovecot d, String user, String security, int port, Map<String, String> extra)
            throws Exception {
        Map<String, String> s = new HashMap<>(extra);
        s.put("port", String.valueOf(port));
        s.put("stallSeconds", "10"); // a client waiting on bytes it never sent fails in seconds, not minutes
        if (!security.equals("plain")) {
            s.put("trustSha256", d.certificateSha256());
        }
        return Pair.account(d, user, security, s);
    }

    @Test
    void messagesAroundTheBufferEdgesArriveByteForByteInClearAndUnderTls(Dovecot d, @TempDir Path dir) throws Exception {
        load(d, "edges-src", Map.of("INBOX", EDGES, "Small", new int[] { 60, 61, 200, 3000 }));
        for (String security : List.of("plain", "starttls", "tls")) {
            String dst = "edges-" + security;
            int port = security.equals("tls") ? d.imapsPort() : d.imapPort();
            MigrationReport r = run(dir.resolve(security), at(d, "edges-src", security, port, Map.of()),
                    at(d, dst, security, port, Map.of()), Pair.fast());
            assertEquals(Outcome.COMPLETED, r.outcome(), security + ": " + r.failure());
            assertEquals(EDGES.length + 4, r.copied(), security);
            Verify.sameMail(d, "edges-src", d, dst, Map.of());
        }
    }

    @Test
    void eachAppendLeavesTheClientInOneWrite(Dovecot d, @TempDir Path dir) throws Exception {
        int[] small = new int[21];
        java.util.Arrays.fill(small, 900);
        load(d, "onewrite-src", Map.of("INBOX", small, "Other", new int[] { 700, 800, 1200, 1500, 5000 }));
        List<int[]> appends = new ArrayList<>(); // per APPEND command: its size and the relay reads it came in
        try (Relay relay = Relay.to(d.imapPort()).name("append-reads").onOpen(link -> {
            Commands commands = new Commands(appends);
            link.up(Relay.copy((b, n, before) -> commands.feed(b, n)));
        }).start()) {
            MigrationReport r = run(dir, at(d, "onewrite-src", "plain", d.imapPort(), Map.of()),
                    at(d, "onewrite-dst", "plain", relay.port(), Map.of()), Pair.fast());
            assertEquals(Outcome.COMPLETED, r.outcome(), r.failure());
        }
        Verify.sameMail(d, "onewrite-src", d, "onewrite-dst", Map.of());
        synchronized (appends) {
            assertTrue(appends.size() >= 4, "APPEND commands seen: " + appends.size());
            for (int[] a : appends) {
                // the relay reads 16 KiB at a time: a command up to that size written at once is read at once
                assertTrue(a[0] > 16384 || a[1] == 1, "an APPEND of " + a[0] + " bytes came in " + a[1] + " reads");
            }
        }
    }

    @Test
    void aServerWithoutLiteralPlusStillGetsItsGoAheadWaitedFor(Dovecot d, @TempDir Path dir) throws Exception {
        load(d, "sync-src", Map.of("INBOX", new int[] { 60, 900, 65537, 1_500_001 }, "Other", new int[] { 2049, 300 }));
        AtomicInteger synchronizing = new AtomicInteger();
        List<int[]> appends = new ArrayList<>();
        try (Relay relay = Relay.to(d.imapPort()).name("no-literal-plus").onOpen(link -> {
            Commands commands = new Commands(appends).counting(synchronizing);
            link.up(Relay.copy((b, n, before) -> commands.feed(b, n)));
            link.down((in, out) -> { // the server's capabilities without LITERAL+ (and LITERAL-)
                BufferedInputStream buffered = new BufferedInputStream(in);
                for (byte[] line = Relay.line(buffered); line != null; line = Relay.line(buffered)) {
                    String text = new String(line, StandardCharsets.ISO_8859_1);
                    if (text.contains("CAPABILITY") && text.contains("LITERAL")) {
                        line = text.replaceAll(" LITERAL[+-]", "").getBytes(StandardCharsets.ISO_8859_1);
                    }
                    out.write(line);
                }
            });
        }).start()) {
            MigrationReport r = run(dir, at(d, "sync-src", "plain", d.imapPort(), Map.of()),
                    at(d, "sync-dst", "plain", relay.port(), Map.of()), Pair.fast());
            assertEquals(Outcome.COMPLETED, r.outcome(), r.failure());
            assertEquals(6, r.copied());
        }
        Verify.sameMail(d, "sync-src", d, "sync-dst", Map.of());
        synchronized (appends) {
            assertTrue(!appends.isEmpty() && synchronizing.get() >= 6, "APPENDs " + appends.size()
                    + ", synchronizing literals " + synchronizing.get());
            assertTrue(appends.stream().noneMatch(a -> a[2] > 0), "a {n+} literal was sent to a server without LITERAL+");
        }
    }

    @Test
    void aRunOfManyFoldersAndBatchesStartsAFewThreads(Dovecot d, @TempDir Path dir) throws Exception {
        Map<String, int[]> folders = new java.util.LinkedHashMap<>();
        for (int f = 0; f < 8; f++) {
            folders.put(f == 0 ? "INBOX" : "Folder " + f, new int[] { 300, 400, 500, 600, 700, 800, 900, 1000, 1100,
                    1200, 1300, 1400, 1500, 1600 });
        }
        load(d, "threads-src", folders);
        var threads = ManagementFactory.getThreadMXBean();
        long before = threads.getTotalStartedThreadCount();
        MigrationReport r = run(dir, at(d, "threads-src", "plain", d.imapPort(), Map.of()),
                at(d, "threads-dst", "plain", d.imapPort(), Map.of()), Pair.fast().withParallelism(2));
        long started = threads.getTotalStartedThreadCount() - before;
        assertEquals(Outcome.COMPLETED, r.outcome(), r.failure());
        assertEquals(8 * 14, r.copied());
        // 2 folder workers, the paired steps' pool (up to 3), a prefetch thread per source session (2), the state
        // store's and H2's: 11 were counted (2026-12-06). A thread per batch of 7 and per paired step would be ~50
        // (8 folders x (2 batches + 4 paired steps)).
        System.out.println("SocketBuffersTest: threads started during the run: " + started);
        assertTrue(started <= 20, "threads started during the run: " + started);
        Verify.sameMail(d, "threads-src", d, "threads-dst", Map.of());
    }

    /**
     * Splits the client's bytes into commands (skipping literals by their length) and notes, for each APPEND, its
     * size in bytes, how many relay reads carried it, and its non-synchronizing literals.
     */
    private static final class Commands {
        private final List<int[]> appends;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private AtomicInteger synchronizing = new AtomicInteger();
        private long skip;
        private int reads; // relay reads so far
        private int firstRead = -1; // of the command under way
        private int size;
        private int nonSync;
        private boolean append;

        Commands(List<int[]> appends) {
            this.appends = appends;
        }

        Commands counting(AtomicInteger sync) {
            this.synchronizing = sync;
            return this;
        }

        void feed(byte[] b, int n) {
            reads++;
            for (int i = 0; i < n; i++) {
                if (firstRead < 0) {
                    firstRead = reads;
                }
                size++;
                if (skip > 0) {
                    skip--;
                    continue;
                }
                line.write(b[i]);
                if (b[i] != '\n') {
                    continue;
                }
                String text = line.toString(StandardCharsets.ISO_8859_1);
                line.reset();
                if (size == text.length()) { // the command's first line
                    append = text.matches("(?s)^\\S+ APPEND .*");
                }
                Matcher m = LITERAL.matcher(text);
                if (m.find()) {
                    skip = Long.parseLong(m.group(1));
                    if (m.group(2).isEmpty()) {
                        synchronizing.incrementAndGet();
                    } else {
                        nonSync++;
                    }
                    continue;
                }
                if (append) {
                    synchronized (appends) {
                        appends.add(new int[] { size, reads - firstRead + 1, nonSync });
                    }
                }
                firstRead = -1;
                size = 0;
                nonSync = 0;
                append = false;
            }
        }
    }
}
