package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.state.DatabaseStore;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.ChildJvm;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Postgres;

/**
 * The mail state in PostgreSQL (docs/postgresql.md) between two real Dovecot accounts: {@code migrate --store} copies
 * everything once and nothing the second time; a run killed with SIGKILL in a child JVM resumes with nothing lost and
 * nothing twice; PostgreSQL restarted in the middle of a run: the run waits for it and finishes. One PostgreSQL
 * cluster (Debian's postgresql, started by the test) for the class, a fresh database per test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresStoreTest {
    private Dovecot dovecot;
    private Postgres pg;

    @BeforeAll
    void start() throws Exception {
        dovecot = Dovecot.start(Dovecot.Layout.SLASH);
        pg = Postgres.start();
    }

    @AfterAll
    void stop() throws Exception {
        try (Dovecot d = dovecot; Postgres p = pg) {
            // both stopped
        }
    }

    private String imaps(String user) {
        return "imaps://" + user + "@127.0.0.1:" + dovecot.imapsPort();
    }

    private String imap(String user) {
        return "imap://" + user + "@127.0.0.1:" + dovecot.imapPort();
    }

    @Test
    void migrateWithTheStoreInPostgresCopiesEverythingOnceThenNothing(@TempDir Path dir) throws Exception {
        int corpus = Corpus.load(dovecot, "pg-src", 3).size();
        String db = pg.createDatabase();
        Path pw = dir.resolve("store.pw");
        Files.writeString(pw, pg.password() + "\n");
        String fp = dovecot.certificateSha256();
        List<String> args = CliRun.migrate(dir, imaps("pg-src"), imap("pg-dst"), Dovecot.PASSWORD, Dovecot.PASSWORD,
                "--trust-sha256", fp, "--store", pg.url(db), "--store-password-file", pw.toString());
        CliRun first = CliRun.of(args);
        assertEquals(0, first.code(), first.toString());
        assertTrue(first.out().contains("copied           " + corpus + " message(s)"), first.out());
        Verify.sameMail(dovecot, "pg-src", dovecot, "pg-dst", Map.of());
        // the copy records are in the database, one per message, and no journal entry is left
        assertEquals(String.valueOf(corpus), pg.sql(db, "select count(*) from mail_copied").trim());
        assertEquals("0", pg.sql(db, "select count(*) from mail_journal").trim());
        try (var files = Files.walk(dir)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".mv.db")).toList(), "no embedded store");
        }
        CliRun second = CliRun.of(args);
        assertEquals(0, second.code(), second.toString());
        assertTrue(second.out().contains("copied           0 message(s)"), second.out());
        Verify.sameMail(dovecot, "pg-src", dovecot, "pg-dst", Map.of());
        for (CliRun run : List.of(first, second)) {
            assertFalse(run.toString().contains(pg.password()), "the store password must never be printed: " + run);
        }
    }

    @Test
    void aStorePasswordInTheUrlIsRefused(@TempDir Path dir) throws Exception {
        String url = pg.url("x").replace("mm@", "mm:" + pg.password() + "@");
        CliRun run = CliRun.of(CliRun.migrate(dir, imaps("pg-a"), imap("pg-b"), Dovecot.PASSWORD, Dovecot.PASSWORD,
                "--store", url));
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("--store: the store URL must not carry a password"), run.err());
        assertFalse(run.toString().contains(pg.password()), run.toString());
    }

    @Test
    void killedWithSigkillThenResumedEndsExact(@TempDir Path tmp) throws Exception {
        List<?> mails = Corpus.load(dovecot, "pgkill-src", 12);
        String url = pg.url(pg.createDatabase());
        ProcessBuilder pb = ChildJvm.command(ChildMigration.BUNDLES, ChildMigration.class,
                List.of("-Xmx128m", "-Djava.io.tmpdir=" + tmp), List.of(Dovecot.HOST, String.valueOf(dovecot.imapPort()),
                        "pgkill-src", "pgkill-dst", url, Dovecot.PASSWORD, "15"));
        pb.environment().put("PGPASSWORD", pg.password());
        KilledChild.killAfter(pb, 20);
        Pair pair = new Pair(dovecot, "pgkill-src", dovecot, "pgkill-dst", tmp);
        DatabaseStore db = DatabaseStore.parse(url, Map.of("PGPASSWORD", pg.password()));
        try (StateStore state = db.open("pair")) {
            MigrationReport resumed = pair.run(state, Pair.fast(), MigrationListener.NONE);
            assertEquals(Outcome.COMPLETED, resumed.outcome(), resumed.failure());
            assertTrue(resumed.copied() > 0 && resumed.copied() < mails.size(), "the killed run copied part: " + resumed);
        }
        Verify.sameMail(dovecot, "pgkill-src", dovecot, "pgkill-dst", Map.of());
        try (StateStore state = db.open("pair")) {
            MigrationReport again = pair.run(state, Pair.fast(), MigrationListener.NONE);
            assertEquals(0, again.copied());
            assertEquals(mails.size(), again.alreadyPresent());
        }
    }

    @Test
    void postgresRestartedMidRunTheRunWaitsAndFinishes(@TempDir Path tmp) throws Exception {
        List<?> mails = Corpus.load(dovecot, "pgre-src", 8);
        String url = pg.url(pg.createDatabase());
        DatabaseStore db = DatabaseStore.parse(url, Map.of("PGPASSWORD", pg.password()));
        AtomicInteger appends = new AtomicInteger();
        CompletableFuture<Void> restarted = new CompletableFuture<>();
        MigrationListener outage = new MigrationListener() {
            @Override
            public void checkpoint(String step, String folder) {
                if (step.equals("appended") && appends.incrementAndGet() == 3) {
                    try {
                        pg.stopServer(); // down before the engine records this batch
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    CompletableFuture.runAsync(() -> {
                        try {
                            Thread.sleep(3000); // the outage the run has to sit out
                            pg.startServer();
                            restarted.complete(null);
                        } catch (Exception e) {
                            restarted.completeExceptionally(e);
                        }
                    });
                }
            }
        };
        Pair pair = new Pair(dovecot, "pgre-src", dovecot, "pgre-dst", tmp);
        try (StateStore state = db.open("pair")) {
            MigrationReport r = pair.run(state, Pair.fast(), outage);
            restarted.get(60, TimeUnit.SECONDS);
            assertTrue(appends.get() > 3, "the outage came mid-run: " + appends.get());
            assertEquals(Outcome.COMPLETED, r.outcome(), r.failure() + "\n" + pg.log());
            assertEquals(mails.size(), r.copied(), r.toString());
        }
        Verify.sameMail(dovecot, "pgre-src", dovecot, "pgre-dst", Map.of());
        try (StateStore state = db.open("pair")) {
            assertEquals(0, pair.run(state, Pair.fast(), MigrationListener.NONE).copied());
        }
    }
}
