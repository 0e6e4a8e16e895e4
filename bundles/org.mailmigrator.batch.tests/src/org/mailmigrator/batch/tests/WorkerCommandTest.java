package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.testing.ChildJvm;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Postgres;
import org.osgi.framework.FrameworkUtil;

/**
 * Issue 18: {@code batch run NAME --store URL --no-wait} queues a batch, two {@code mailmigrator worker --store URL
 * --slots 2} processes take its rows. Real Dovecot and PostgreSQL; the workers are the real command line in child JVMs
 * ({@link WorkerCliChild}) with a claim lease of 2 s, one of them stopped with SIGTERM in the middle of its rows.
 * Checks what an administrator would: exit codes and messages, each row finished once, the stopped worker's rows
 * finished by the other, every pair the same message by message and nothing twice, no claim or journal entry left.
 */
class WorkerCommandTest {
    private static final Pattern ROW = Pattern.compile("mailmigrator worker: (\\S+) (Running|Synced|Interrupted)$");
    private static Dovecot mail;
    private static Postgres pg;
    private static Path root;

    @BeforeAll
    static void servers() throws Exception {
        root = Files.createTempDirectory("mailmigrator-worker-");
        mail = Dovecot.start(Dovecot.Layout.SLASH);
        pg = Postgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        try (Dovecot d = mail; Postgres p = pg) {
            // both closed
        }
    }

    @Test
    void queuedBatchIsRunByTwoWorkersAndASigtermedWorkersRowsFinishOnTheOther() throws Exception {
        String db = pg.createDatabase();
        StringBuilder csv = new StringBuilder("source.server,source.login,source.password,destination.server,"
                + "destination.login,destination.password\n");
        String imap = "imap://127.0.0.1:" + mail.imapPort();
        for (int i = 0; i < 4; i++) {
            Mailboxes.fill(mail, "wks" + i, 75, 900 + i, 0);
            csv.append(imap).append(",wks").append(i).append(",testpass,").append(imap).append(",wkd").append(i)
                    .append(",testpass\n");
        }
        Path importWs = root.resolve("import");
        CliRun imported = CliRun.of(store(db, "batch", "import", Files.writeString(root.resolve("wk.csv"), csv).toString(),
                "--workspace", importWs.toString(), "--parallel", "2", "--per-host", "20"));
        assertEquals(0, imported.code(), imported.toString());

        CliRun queued = CliRun.of(store(db, "batch", "run", "wk", "--no-wait", "--workspace", importWs.toString()));
        assertEquals(0, queued.code(), queued.toString());
        assertTrue(queued.out().contains("queued 4 row(s) of wk"), queued.toString());
        assertEquals("QUEUED 4", pg.sql(db, "select status || ' ' || count(*) from migration group by status").trim());
        CliRun noStore = CliRun.of("batch", "run", "wk", "--no-wait", "--workspace", importWs.toString());
        assertEquals(2, noStore.code(), noStore.toString());
        assertTrue(noStore.err().contains("--no-wait needs --store"), noStore.toString());

        Worker a = worker("a", importWs, db);
        Worker b = worker("b", importWs, db);
        try {
            a.await(l -> ROW.matcher(l).find() && l.endsWith(" Running"), "a row running");
            a.sigterm(); // in the middle of its copies
            assertEquals(7, a.exit(), a.toString());
            assertTrue(a.toString().contains("mailmigrator worker: interrupted, run again to resume"), a.toString());
            long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!pg.sql(db, "select status || ' ' || count(*) from migration group by status").trim().equals("SYNCED 4")) {
                assertTrue(System.nanoTime() < until && b.process.isAlive(), "the other worker never finished: " + a + b);
                Thread.sleep(200);
            }
            b.sigterm(); // idle now
            assertEquals(0, b.exit(), b.toString());
            assertTrue(b.toString().contains("stopped (no row was running)"), b.toString());
        } finally {
            a.process.destroyForcibly();
            b.process.destroyForcibly();
        }
        System.out.println("two workers, one stopped with SIGTERM:" + a + b);
        Set<String> cut = new TreeSet<>(a.rows("Interrupted"));
        assertFalse(cut.isEmpty(), "the stopped worker had rows running: " + a);
        assertTrue(b.rows("Synced").containsAll(cut), "the other worker finished " + cut + ": " + b);
        List<String> synced = Stream.concat(a.rows("Synced").stream(), b.rows("Synced").stream()).sorted().toList();
        assertEquals(4, synced.size(), "each row finished once over both workers: " + a + b);
        assertEquals(4, new TreeSet<>(synced).size(), "each row finished once over both workers: " + a + b);
        List<String> started = Stream.concat(a.rows("Running").stream(), b.rows("Running").stream()).toList();
        assertEquals(4 + cut.size(), started.size(), "a pass started once per row, again only for the cut ones: " + a + b);
        for (int i = 0; i < 4; i++) {
            Mailboxes.assertSame(mail, "wks" + i, "wkd" + i);
            assertEquals(Mailboxes.count(mail, "wks" + i), Mailboxes.count(mail, "wkd" + i), "nothing twice in wkd" + i);
        }
        assertEquals("0 0", pg.sql(db, "select (select count(*) from batch_claim) || ' ' || (select count(*) from mail_journal)")
                .trim(), "no claim and no write in flight left");
    }

    private static List<String> store(String db, String... args) throws IOException {
        Path pw = root.resolve("store.pw");
        if (!Files.exists(pw)) {
            Files.writeString(pw, pg.password() + "\n");
        }
        return Stream.concat(Stream.of(args), Stream.of("--store", pg.url(db), "--store-password-file", pw.toString()))
                .toList();
    }

    /** {@code mailmigrator worker} in a child JVM with its own workspace folder (another machine's), given the key file. */
    private static Worker worker(String name, Path importWs, String db) throws IOException {
        List<String> args = new ArrayList<>();
        for (Class<?> c : List.of(ConnectorRegistry.class, ImapConnector.class)) {
            var bundle = FrameworkUtil.getBundle(c);
            Path xml = root.resolve(bundle.getSymbolicName() + ".plugin.xml");
            try (InputStream in = bundle.getEntry("plugin.xml").openStream()) {
                Files.write(xml, in.readAllBytes());
            }
            args.add(bundle.getSymbolicName() + "=" + xml);
        }
        args.add("--");
        args.addAll(store(db, "worker", "--workspace", root.resolve(name).toString(), "--secrets-key",
                importWs.resolve("secrets.key").toString(), "--slots", "2", "--poll-seconds", "1", "--allow-plaintext"));
        ProcessBuilder pb = ChildJvm.command(WorkerCliChild.BUNDLES, WorkerCliChild.class,
                List.of("-Xmx200m", "-Dmailmigrator.claim.seconds=2"), args).redirectErrorStream(true);
        return new Worker(name, pb.start());
    }

    /** A worker's output, read as it comes. */
    private static final class Worker {
        final Process process;
        private final ChildLines out;

        Worker(String name, Process process) {
            this.process = process;
            this.out = new ChildLines("worker " + name, process);
        }

        void await(java.util.function.Predicate<String> line, String what) throws InterruptedException {
            out.await(line, what);
        }

        /** SIGTERM, as systemd or Kubernetes stop a worker (Process.destroy would close its output here first). */
        void sigterm() throws IOException, InterruptedException {
            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).inheritIO().start().waitFor());
        }

        /** Waits for its end and its last line. */
        int exit() throws InterruptedException {
            return out.exit(Duration.ofSeconds(60));
        }

        /** The rows (BATCH/ID) this worker reported in this status, one entry per report. */
        List<String> rows(String status) {
            return out.lines().stream().map(ROW::matcher).filter(Matcher::find).filter(m -> m.group(2).equals(status))
                    .map(m -> m.group(1)).toList();
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
