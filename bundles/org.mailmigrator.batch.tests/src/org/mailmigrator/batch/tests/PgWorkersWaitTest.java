package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailmigrator.testing.ChildJvm;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Postgres;
import org.mailmigrator.testing.Relay;

/**
 * Issue 18: {@code mailmigrator worker} processes wait for what they must wait for and go on. Real Dovecot, real
 * PostgreSQL (Debian's, started by the test and restarted by it), the workers the real command line in child JVMs
 * ({@link WorkerCliChild}) with their own workspace folders, a claim lease of 2 s and db-scheduler heartbeats of 1 s
 * (dead after 4 missed): a 5 s outage outlasts both, so the claims and the queue's executions run out while the
 * database is away. Checked as a user would: every row Synced, each pair message by message the same and nothing
 * twice, each row finished once over the workers, no claim, journal entry or queue entry left, the workers still
 * alive and taking new work; the outage said in two lines per worker, not a stack trace per poll. Then the new work
 * shows that a row that must wait holds no slot (with 4 slots and 4 rows waiting for tomorrow queued first, the rows
 * after them are run; a row waiting for its quota gives its slot back too), its queue entry due when the wait ends.
 */
class PgWorkersWaitTest {
    private static final Pattern WORKER_ROW = Pattern.compile("mailmigrator worker: (\\S+) (Running|Synced|Interrupted)$");
    private static Dovecot mail;
    private static Postgres pg;
    private static Path root;
    /** The destination behind a relay that holds each chunk a client sends 15 ms: copies take seconds, as over a WAN. */
    private static Relay slow;

    @BeforeAll
    static void servers() throws Exception {
        root = Files.createTempDirectory("mailmigrator-pgwait-");
        mail = Dovecot.start(Dovecot.Layout.SLASH);
        pg = Postgres.start();
        slow = Relay.to(mail.imapPort()).name("slow-destination")
                .onOpen(link -> link.up(Relay.copy((b, len, before) -> Thread.sleep(15)))).start();
    }

    @AfterAll
    static void stop() throws Exception {
        try (Dovecot d = mail; Postgres p = pg; Relay r = slow) {
            // all closed
        }
    }

    /**
     * Two {@code worker --slots 2} processes copy a queued batch of 4 rows; mid-copy the database is restarted
     * ({@code pg_ctl restart -m fast}), and once the copies went on, stopped for 5 s and started again. Then new work:
     * rows that must wait (their batch's schedule, their own earliest start, their daily quota) give their slots back.
     */
    @Test
    void workersWaitForARestartedDatabaseGoOnAndGiveSlotsOfWaitingRowsBack() throws Exception {
        String db = pg.createDatabase();
        Path ws = importBatch(db, "rs", 4, 160, 1800, slow.port(), r -> ",");
        assertEquals(0, queue(db, "rs", ws).code());
        long t0 = System.nanoTime();
        List<Worker> both = List.of(worker("rs-a", ws, db, 2), worker("rs-b", ws, db, 2));
        try {
            await(() -> count(db, "select count(distinct pair) from mail_copied") >= 3, 90, "3 rows copying", both);
            long before = count(db, "select count(*) from mail_copied");
            System.out.println("restart at " + ms(t0) + " ms, " + before + " message(s) copied");
            pg.restartServer();
            await(() -> count(db, "select count(*) from mail_copied") > before + 20, 60, "copies after the restart", both);
            assertTrue(count(db, "select count(*) from migration where status = 'SYNCED'") < 4,
                    "the rows were still copying when the database went away");
            pg.stopServer();
            Instant down = Instant.now();
            System.out.println("stopped at " + ms(t0) + " ms");
            Thread.sleep(5000); // the outage itself (not a wait for a condition): longer than the leases and heartbeats
            pg.startServer();
            System.out.println("database away for " + Duration.between(down, Instant.now()).toMillis() + " ms");
            await(() -> count(db, "select count(*) from migration where status = 'SYNCED'") == 4, 120, "4 rows synced",
                    both);
            System.out.println("4 rows synced at " + ms(t0) + " ms");
            await(() -> count(db, "select count(*) from mm_scheduled_tasks") == 0, 60, "the queue emptied", both);
            Instant back = Instant.now();
            System.out.println("queue empty at " + ms(t0) + " ms");
            for (Worker w : both) {
                assertTrue(w.out.process.isAlive(), "the worker outlived the outage: " + w);
            }

            // new work after the outage, and rows that must wait give their slots back: 4 slots over both workers, 4
            // rows queued first that must wait for tomorrow (a batch of 3 scheduled then, a row whose own notbefore is
            // then), then a row whose daily upload budget of 1 MB its 1.5 MB spend, and a runnable row: both are run,
            // and the budget row's entry ends (not picked any more) while it waits
            Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
            importBatch(db, "wa", 3, 6, 2000, mail.imapPort(), r -> ",");
            pg.sql(db, "update batch set schedule = " + tomorrow.toEpochMilli() + " where name = 'wa'"); // the workbench's
            Mailboxes.fillSized(mail, "wbs1", 10, 150_000);
            importBatch(db, "wb", 3, 6, 2100, mail.imapPort(), r -> r == 0 ? tomorrow + "," : r == 1 ? ",1" : ",");
            assertEquals(0, queue(db, "wa", ws).code());
            assertEquals(0, queue(db, "wb", ws).code());
            await(() -> count(db, "select count(*) from migration where batch = 'wb' and status = 'SYNCED'") == 1, 60,
                    "the runnable row synced", both);
            System.out.println("the runnable row synced at " + ms(t0) + " ms");
            assertEquals("wa QUEUED\nwa QUEUED\nwa QUEUED\nwb QUEUED\nwb WAITING_FOR_QUOTA\nwb SYNCED", pg.sql(db, "select batch || "
                    + "' ' || status from migration where batch like 'w_' order by batch, idx").trim(),
                    "the waiting rows keep their status");
            long day = tomorrow.getEpochSecond();
            assertEquals("wa true\nwa true\nwa true\nwb true", pg.sql(db, "select split_part(task_instance, '/', 1) || ' ' || (abs("
                    + "extract(epoch from execution_time) - " + day + ") < 5) from mm_scheduled_tasks where task_instance "
                    + "not like '%wbs1' order by task_instance").trim(), "the scheduled rows' entries are due when they may"
                    + " start, and only theirs");
            // the row's status moves before its execution ends and is put back (a moment later on a loaded machine)
            await(() -> count(db, "select count(*) from mm_scheduled_tasks where task_instance like 'wb/%wbs1' and "
                    + "execution_time > now() + interval '23 hours' and not picked") == 1, 30,
                    "the budget row's entry due when its window opens, a day after its first copy", both);
            for (Worker w : both) {
                await(() -> Files.getLastModifiedTime(w.heartbeat).compareTo(FileTime.from(back)) > 0, 30,
                        w.out.name + "'s heartbeat after the outage", both);
            }
            for (Worker w : both) {
                w.sigterm();
                assertEquals(0, w.out.exit(Duration.ofSeconds(60)), "idle at the end: " + w);
            }
        } finally {
            both.forEach(w -> w.out.kill());
        }
        System.out.println("two workers through a restart and a 5 s outage (" + ms(t0) + " ms):" + both);
        for (String status : List.of("Running", "Synced")) { // a row run twice would start (and end) on both workers
            List<String> rows = Stream.concat(both.get(0).rows(status).stream(), both.get(1).rows(status).stream())
                    .filter(r -> r.startsWith("rs/")).toList();
            assertEquals(4, rows.size(), "each row " + status + " once over both workers: " + both);
            assertEquals(4, new TreeSet<>(rows).size(), "each row " + status + " once over both workers: " + both);
        }
        for (Worker w : both) { // what an administrator reads: the outage in two lines, no stack trace per poll
            List<String> lines = w.out.lines();
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("mailmigrator worker: database unreachable (")), w.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("mailmigrator worker: database reachable again after ")),
                    w.toString());
            assertFalse(lines.stream().anyMatch(l -> l.contains("Unhandled exception")), w.toString());
        }
        FleetCommands.assertPairsExact(mail, "rs", 0, 4);
        FleetCommands.assertPairsExact(mail, "wb", 2, 3);
        assertEquals("SYNCED 4", pg.sql(db, "select status || ' ' || count(*) from migration where batch = 'rs' group by "
                + "status").trim());
        assertEquals("0 0", pg.sql(db, "select (select count(*) from batch_claim) || ' ' || (select count(*) from "
                + "mail_journal)").trim(), "no claim, no write in flight left");
    }

    @FunctionalInterface
    private interface Condition {
        boolean met() throws Exception;
    }

    /** Waits until the condition holds ({@code seconds} at most), asking every 200 ms. */
    private static void await(Condition c, int seconds, String what, List<Worker> workers) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (!c.met()) {
            assertTrue(System.nanoTime() < until, "never: " + what + workers);
            Thread.sleep(200);
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static long count(String db, String sql) throws Exception {
        return Long.parseLong(pg.sql(db, sql).trim());
    }

    /** {@code batch run NAME --store URL --no-wait}: the batch's rows queued for the workers. */
    private static CliRun queue(String db, String batch, Path ws) throws IOException {
        return CliRun.of(store(db, "batch", "run", batch, "--no-wait", "--workspace", ws.toString()));
    }

    /**
     * Fills {@code rows} source mailboxes (those still empty) and imports their CSV ({@code batch import --store},
     * {@code --parallel 4}); row i's {@code notbefore} and {@code destination.dailyUploadMb} cells are
     * {@code extra(i)}. Returns the import's workspace.
     */
    private static Path importBatch(String db, String prefix, int rows, int messages, long seed, int destinationPort,
            IntFunction<String> extra) throws Exception {
        StringBuilder csv = new StringBuilder("source.server,source.login,source.password,destination.server,"
                + "destination.login,destination.password,notbefore,destination.dailyUploadMb\n");
        for (int i = 0; i < rows; i++) {
            if (Mailboxes.count(mail, prefix + "s" + i) == 0) {
                Mailboxes.fill(mail, prefix + "s" + i, messages, seed + i, 0);
            }
            csv.append("imap://127.0.0.1:").append(mail.imapPort()).append(',').append(prefix).append("s").append(i)
                    .append(",testpass,imap://127.0.0.1:").append(destinationPort).append(',').append(prefix).append("d")
                    .append(i).append(",testpass,").append(extra.apply(i)).append('\n');
        }
        Path file = Files.writeString(root.resolve(prefix + ".csv"), csv);
        Path ws = root.resolve("import");
        CliRun imported = CliRun.of(store(db, "batch", "import", file.toString(), "--workspace",
                ws.toString(), "--parallel", "4", "--per-host", "40"));
        assertEquals(0, imported.code(), imported.toString());
        return ws;
    }

    private static List<String> store(String db, String... args) throws IOException {
        return FleetCommands.store(root, pg, db, args);
    }

    /** {@code mailmigrator worker --slots N} in a child JVM with its own workspace folder, given the key file. */
    private static Worker worker(String name, Path importWs, String db, int slots) throws IOException {
        List<String> args = new ArrayList<>(WorkerCliChild.contributions(root));
        Path heartbeat = root.resolve(name + ".heartbeat");
        args.addAll(store(db, "worker", "--workspace", root.resolve(name).toString(), "--secrets-key",
                importWs.resolve("secrets.key").toString(), "--slots", String.valueOf(slots), "--poll-seconds", "1",
                "--allow-plaintext", "--heartbeat-file", heartbeat.toString()));
        // with the product's logging (slf4j-simple, warnings): its output is what an administrator sees
        ProcessBuilder pb = ChildJvm.command(Stream.concat(WorkerCliChild.BUNDLES.stream(), Stream.of("slf4j.simple"))
                .toList(), WorkerCliChild.class, List.of("-Xmx200m", "-Dmailmigrator.claim.seconds=2",
                        "-Dmailmigrator.fleet.heartbeat.seconds=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"), args)
                .redirectErrorStream(true);
        return new Worker(new ChildLines(name, pb.start()), heartbeat);
    }

    /** A worker process, its output and its liveness file. */
    private record Worker(ChildLines out, Path heartbeat) {
        /** SIGTERM, as systemd or Kubernetes stop a worker. */
        void sigterm() throws IOException, InterruptedException {
            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(out.process.pid())).inheritIO().start()
                    .waitFor());
        }

        /** The rows (BATCH/ID) it reported in this status, one entry per report. */
        List<String> rows(String status) {
            return out.lines().stream().map(WORKER_ROW::matcher).filter(Matcher::find)
                    .filter(m -> m.group(2).equals(status)).map(m -> m.group(1)).toList();
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
