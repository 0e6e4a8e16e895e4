package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
import org.mailmigrator.testing.DovecotOptions;
import org.mailmigrator.testing.Relay;

/**
 * How many folders {@code migrate} copies at once ({@code MigrationSettings.PARALLELISM_BY_LINK}, its default): 4 when
 * the round trip its first connections measured is 5 ms or more, 3 near the server; and a server that refuses more
 * connections of a user (Dovecot's {@code mail_max_userip_connections}; each IMAP session may hold two) leaves the
 * run with fewer workers, every message copied: a worker whose login is refused leaves its folders to the others,
 * one whose session is refused a second connection waits (a throttling answer, not a refused login). Against
 * Dovecot, through relays that count the connections open at once (one of them holding each answer 20 ms, as a
 * network would).
 */
class FoldersAtOnceTest {
    private static final int FOLDERS = 10;
    private static final int PER_FOLDER = 2;
    private static Dovecot dovecot;
    private static Dovecot limited;

    @BeforeAll
    static void fill() throws Exception {
        dovecot = Dovecot.start(Dovecot.Layout.SLASH);
        limited = Dovecot.start(DovecotOptions.of(Dovecot.Layout.SLASH).withTls(false).withConnectionsPerUser(4));
        try (ImapProbe p = ImapProbe.login(dovecot, "far-src")) {
            for (int f = 0; f < FOLDERS; f++) {
                String folder = f == 0 ? "INBOX" : "Folder " + f;
                if (f > 0) {
                    p.create(folder, true);
                }
                for (int m = 0; m < PER_FOLDER; m++) {
                    byte[] mail = ("Subject: " + f + "." + m + "\r\nMessage-ID: <far" + f + "." + m + "@example.org>\r\n\r\n"
                            + "body " + f + "." + m + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    p.append(folder, mail, Set.of("\\Seen"), Instant.parse("2024-02-03T04:05:06Z").plusSeconds(f * 10 + m));
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        dovecot.close();
        limited.close();
    }

    /** A relay counting the connections open at once; answers held {@code holdMillis} (0: passed on at once). */
    private static Relay counting(int port, AtomicInteger open, AtomicInteger most, long holdMillis) throws Exception {
        return Relay.to(port).onOpen(link -> {
            most.accumulateAndGet(open.incrementAndGet(), Math::max);
            if (holdMillis > 0) {
                link.down(Relay.copy((b, n, before) -> Thread.sleep(holdMillis)));
            }
        }).onClosed(link -> open.decrementAndGet()).start();
    }

    private static MigrationReport run(Path dir, int sourcePort, Dovecot destination, int destinationPort, String user,
            int parallelism, List<String> said) throws Exception {
        Account src = Pair.account(dovecot, "far-src", "plain", Map.of("port", String.valueOf(sourcePort)));
        Account dst = Pair.account(destination, user, "plain", Map.of("port", String.valueOf(destinationPort)));
        MigrationListener listener = new MigrationListener() {
            @Override
            public void info(String message) {
                said.add(message);
            }
        };
        try (StateStore state = StateStore.openEmbedded(dir, user)) {
            return new MigrationEngine(Pair.factory(src, Role.SOURCE, Dovecot.PASSWORD),
                    Pair.factory(dst, Role.DESTINATION, Dovecot.PASSWORD), state,
                    Pair.fast().withParallelism(parallelism), listener).run();
        }
    }

    private static void assertAllCopied(MigrationReport r, Dovecot server, String user, List<String> said)
            throws Exception {
        assertEquals(Outcome.COMPLETED, r.outcome(), r.failure() + " " + said);
        assertEquals(FOLDERS * PER_FOLDER, r.copied());
        try (ImapProbe p = ImapProbe.login(server, user)) {
            for (int f = 0; f < FOLDERS; f++) {
                assertEquals(PER_FOLDER, p.messages(f == 0 ? "INBOX" : "Folder " + f).size(), "folder " + f);
            }
        }
    }

    /** The round trip in "copying N folders at once (round trip X ms; ...)", which must be there; -1 when not. */
    private static double roundTrip(List<String> said, int workers) {
        for (String l : said) {
            Matcher m = Pattern.compile("copying " + workers + " folders at once \\(round trip (\\d+\\.\\d) ms; 4 from a "
                    + "round trip of 5 ms\\)").matcher(l);
            if (m.matches()) {
                return Double.parseDouble(m.group(1));
            }
        }
        return -1;
    }

    /**
     * A first copy of far-src into {@code user} with the source behind a relay holding each answer {@code holdMillis}:
     * every message copied; answers the most source connections open at once.
     */
    private static int copyThrough(Path dir, long holdMillis, String user, List<String> said) throws Exception {
        AtomicInteger open = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (Relay relay = counting(dovecot.imapPort(), open, most, holdMillis)) {
            MigrationReport r = run(dir, relay.port(), dovecot, dovecot.imapPort(), user,
                    MigrationSettings.PARALLELISM_BY_LINK, said);
            assertAllCopied(r, dovecot, user, said);
        }
        return most.get();
    }

    @Test
    void fourFoldersAtOnceOverASlowLink(@TempDir Path dir) throws Exception {
        List<String> said = new CopyOnWriteArrayList<>();
        assertEquals(MigrationSettings.FOLDERS_AT_ONCE_FAR, copyThrough(dir, 20, "far-dst", said),
                "source connections open at once");
        assertTrue(roundTrip(said, 4) >= 20, said.toString()); // every answer of the source held 20 ms
    }

    @Test
    void threeFoldersAtOnceNearTheServer(@TempDir Path dir) throws Exception {
        List<String> said = new CopyOnWriteArrayList<>();
        assertEquals(MigrationSettings.FOLDERS_AT_ONCE_NEAR, copyThrough(dir, 0, "near-dst", said),
                "source connections open at once");
        assertTrue(roundTrip(said, 3) < MigrationSettings.SLOW_LINK.toMillis(), said.toString());
    }

    @Test
    void connectionsTheServerRefusesLeaveTheirFoldersToTheOthers(@TempDir Path dir) throws Exception {
        List<String> said = new CopyOnWriteArrayList<>();
        // the destination takes 4 connections of a user; the run asks for 6 folders at once (up to 12 connections)
        MigrationReport r = run(dir, dovecot.imapPort(), limited, limited.imapPort(), "limited-dst", 6, said);
        assertAllCopied(r, limited, "limited-dst", said);
        assertTrue(r.skipped().isEmpty(), r.skipped().toString());
        assertTrue(said.stream().anyMatch(l -> l.startsWith("one more folder at once was not possible")
                && l.contains("the server refuses more connections of limited-dst@")
                && l.contains("Maximum number of connections from user+IP exceeded")), said.toString());
        assertTrue(said.stream().noneMatch(l -> l.contains("login refused")), said.toString());

        // the next run finds everything there
        said.clear();
        MigrationReport again = run(dir, dovecot.imapPort(), limited, limited.imapPort(), "limited-dst", 6, said);
        assertEquals(Outcome.COMPLETED, again.outcome(), again.failure());
        assertEquals(0, again.copied());
    }
}
