package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailmigrator.testing.ChildJvm;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Postgres;

/**
 * Issue 18: one batch in PostgreSQL ({@code --store}), run by several processes at once, each with its own workspace
 * folder (another machine's) and the vault key file every worker is given. Real Dovecot, real PostgreSQL (Debian's,
 * started by the test), worker processes in child JVMs ({@link PgWorkerChild}: {@code batch run NAME --store URL}'s
 * manager; or {@code mailmigrator worker}, {@link WorkerCliChild}) with a claim lease of 2 s. Counts what a user would check: each row's pass started exactly once over all
 * workers, every destination the same as its source message by message and not one more, no claim left behind.
 */
class PgBatchWorkersTest {
    private static final java.util.regex.Pattern WORKER_ROW = java.util.regex.Pattern
            .compile("mailmigrator worker: (\\S+) (Running|Synced|Interrupted)$");
    private static Dovecot mail;
    private static Postgres pg;
    private static Path root;

    @BeforeAll
    static void servers() throws Exception {
        root = Files.createTempDirectory("mailmigrator-pgworkers-");
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
    void twoWorkersRunEveryRowOnceAndStatusFromAThirdSeesThem() throws Exception {
        String db = pg.createDatabase();
        Path importWs = importBatch(db, "claims", 45, 500);
        assertEquals("4", pg.sql(db, "select count(*) from migration where batch = 'claims'").trim());
        assertFalse(Files.exists(importWs.resolve("batches").resolve("batches.mv.db")), "no embedded batch store");
        assertEquals("4", pg.sql(db, "select count(*) from secret where batch = 'claims' and k like '%/source'").trim());
        assertFalse(pg.sql(db, "select string_agg(encode(data, 'escape'), ' ') from secret").contains("testpass"),
                "passwords sealed in the database");

        Path go = root.resolve("claims.go");
        List<Worker> workers = List.of(worker("claims-a", importWs, db, "claims", go),
                worker("claims-b", importWs, db, "claims", go));
        try {
            for (Worker w : workers) {
                w.await(l -> l.startsWith("ready "), "ready");
            }
            Files.createFile(go);
            first(workers, l -> l.endsWith(" RUNNING"), "a row running");
            CliRun status = CliRun.of(store(db, "batch", "status", "claims", "--workspace", root.resolve("claims-c").toString()));
            assertEquals(0, status.code(), status.toString());
            assertTrue(status.out().contains("4 migration(s)"), status.out());
            for (Worker w : workers) {
                assertEquals(0, w.finish(), w.toString());
            }
            System.out.println("batch status from a third process while both ran:\n" + status.out());
            assertTrue(status.out().contains("running on "), "the rows' workers: " + status.out());
        } finally {
            workers.forEach(Worker::kill);
        }
        List<String> runs = Stream.concat(workers.get(0).rowsStarted().stream(), workers.get(1).rowsStarted().stream())
                .sorted().toList();
        assertEquals(4, runs.size(), "each row's pass started exactly once over both workers: " + workers);
        assertEquals(4, new TreeSet<>(runs).size(), "each row's pass started exactly once over both workers: " + workers);
        // which process runs how many is not fixed: the batch's --parallel 2 holds over both, and a process whose row
        // ends takes the next at once (the new test below counts the rows at once on the server's side)
        assertPairsExact("claims", 4);
        assertEquals("SYNCED 4", pg.sql(db, "select status || ' ' || count(*) from migration group by status").trim());
        assertEquals("0", pg.sql(db, "select count(*) from batch_claim").trim(), "claims released");

        CliRun purged = CliRun.of(store(db, "batch", "purge", "claims", "--workspace", importWs.toString()));
        assertEquals(0, purged.code(), purged.toString());
        assertEquals("0 0 0", pg.sql(db, "select (select count(*) from migration) || ' ' || (select count(*) from secret)"
                + " || ' ' || (select count(*) from mail_pair)").trim(), "the GDPR delete: rows, passwords, engine state");
    }

    @Test
    void aKilledWorkersRowsAreTakenOverAndFinishOnTheOther() throws Exception {
        String db = pg.createDatabase();
        Path importWs = importBatch(db, "killw", 75, 700);
        Path go = root.resolve("killw.go");
        List<Worker> both = List.of(worker("killw-a", importWs, db, "killw", go),
                worker("killw-b", importWs, db, "killw", go));
        Worker a = null;
        Worker b = null;
        Set<String> cut;
        try {
            for (Worker w : both) {
                w.await(l -> l.startsWith("ready "), "ready");
            }
            Files.createFile(go);
            a = first(both, l -> l.endsWith(" RUNNING"), "a row running"); // the one killed
            b = both.get(a == both.get(0) ? 1 : 0);
            a.process.destroyForcibly(); // SIGKILL in the middle of its copies
            assertTrue(a.process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, a.process.exitValue(), a.toString());
            cut = a.rowsCut();
            assertEquals(0, b.finish(), b.toString());
        } finally {
            both.forEach(Worker::kill);
        }
        System.out.println("rows cut by the SIGKILL: " + cut + "; " + a + b);
        assertFalse(cut.isEmpty(), "the killed worker held a row mid-pass: " + a);
        assertTrue(b.rowsStarted().containsAll(cut), "the other worker took over " + cut + ": " + b);
        assertFalse(a.lines().contains("finished"), a.toString());
        assertPairsExact("killw", 4); // 0 lost, 0 duplicated
        assertEquals("SYNCED 4", pg.sql(db, "select status || ' ' || count(*) from migration group by status").trim());
        assertEquals("0", pg.sql(db, "select count(*) from mail_journal").trim(), "no write left in flight");
    }

    /**
     * {@code batch run NAME --store URL --no-wait} queues the batch; two {@code mailmigrator worker --slots 2} processes
     * (the real command line, {@link WorkerCliChild}) take its rows; one is stopped with SIGTERM while its rows run.
     */
    @Test
    void queuedBatchIsRunByTwoWorkersAndASigtermedWorkersRowsFinishOnTheOther() throws Exception {
        String db = pg.createDatabase();
        Path importWs = importBatch(db, "wk", 75, 900);
        CliRun queued = queue(db, "wk", importWs);
        assertEquals(0, queued.code(), queued.toString());
        assertTrue(queued.out().contains("queued 4 row(s) of wk"), queued.toString());
        assertEquals("QUEUED 4", pg.sql(db, "select status || ' ' || count(*) from migration group by status").trim());
        assertEquals("4", queueEntries(db), "one entry per row in the workers' queue (db-scheduler's table)");
        CliRun noStore = CliRun.of("batch", "run", "wk", "--no-wait", "--workspace", importWs.toString());
        assertEquals(2, noStore.code(), noStore.toString());
        assertTrue(noStore.err().contains("--no-wait needs --store"), noStore.toString());

        List<Worker> both = List.of(cliWorker("wk-a", importWs, db), cliWorker("wk-b", importWs, db));
        Worker a = null;
        Worker b = null;
        try {
            a = first(both, l -> WORKER_ROW.matcher(l).find() && l.endsWith(" Running"), "a row running"); // stopped
            b = both.get(a == both.get(0) ? 1 : 0);
            a.sigterm(); // in the middle of its copies
            assertEquals(7, a.exit(), a.toString());
            assertTrue(a.lines().contains("mailmigrator worker: interrupted, run again to resume (mailmigrator worker --store …)"),
                    a.toString());
            long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!pg.sql(db, "select status || ' ' || count(*) from migration group by status").trim().equals("SYNCED 4")) {
                assertTrue(System.nanoTime() < until && b.process.isAlive(), "the other worker never finished: " + a + b);
                Thread.sleep(200);
            }
            // the liveness heartbeat (docs/deployment.md): touched after each poll, every second here
            FileTime before = Files.getLastModifiedTime(heartbeat(b.name));
            long waitTouch = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (Files.getLastModifiedTime(heartbeat(b.name)).equals(before)) {
                assertTrue(System.nanoTime() < waitTouch, "the idle worker's heartbeat file was not touched again: " + b);
                Thread.sleep(100);
            }
            b.sigterm(); // idle now
            assertEquals(0, b.exit(), b.toString());
            assertTrue(b.lines().contains("mailmigrator worker: stopped (no row was running)"), b.toString());
        } finally {
            both.forEach(Worker::kill);
        }
        System.out.println("two workers, one stopped with SIGTERM:" + a + b);
        Set<String> cut = new TreeSet<>(a.workerRows("Interrupted"));
        assertFalse(cut.isEmpty(), "the stopped worker had rows running: " + a);
        assertTrue(b.workerRows("Synced").containsAll(cut), "the other worker finished " + cut + ": " + b);
        List<String> synced = Stream.concat(a.workerRows("Synced").stream(), b.workerRows("Synced").stream()).toList();
        assertEquals(4, synced.size(), "each row finished once over both workers: " + a + b);
        assertEquals(4, new TreeSet<>(synced).size(), "each row finished once over both workers: " + a + b);
        assertEquals(4 + cut.size(), a.workerRows("Running").size() + b.workerRows("Running").size(),
                "a pass started once per row, and again only for the cut ones: " + a + b);
        assertPairsExact("wk", 4);
        assertEquals("0 0", pg.sql(db, "select (select count(*) from batch_claim) || ' ' || (select count(*) from mail_journal)")
                .trim(), "no claim and no write in flight left");
        assertEquals("0", queueEntries(db), "every entry of the workers' queue ended with its row");
    }

    /**
     * A {@code mailmigrator worker} killed with SIGKILL while its rows run: its db-scheduler executions stop beating
     * (1 s heartbeats here, dead after 4 missed), are revived, and the other worker resumes those rows from the shared
     * journal once their claims run out (2 s here): every row Synced once, 0 lost, 0 duplicated.
     */
    @Test
    void aSigkilledWorkerCommandsRowsAreRevivedOnTheOther() throws Exception {
        String db = pg.createDatabase();
        Path importWs = importBatch(db, "wkill", 75, 900);
        assertEquals(0, queue(db, "wkill", importWs).code());
        Worker a = cliWorker("wkill-a", importWs, db);
        Worker b = null;
        try {
            a.await(l -> WORKER_ROW.matcher(l).find() && l.endsWith(" Running"), "a row running");
            b = cliWorker("wkill-b", importWs, db);
            a.process.destroyForcibly(); // SIGKILL in the middle of its copies
            assertTrue(a.process.waitFor(30, TimeUnit.SECONDS));
            long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!pg.sql(db, "select status || ' ' || count(*) from migration group by status").trim().equals("SYNCED 4")) {
                assertTrue(System.nanoTime() < until && b.process.isAlive(), "the other worker never finished: " + a + b);
                Thread.sleep(200);
            }
            while (!queueEntries(db).equals("0")) { // an entry ends once its pass has ended in the worker
                assertTrue(System.nanoTime() < until, "entries left in the workers' queue: " + a + b);
                Thread.sleep(200);
            }
            b.sigterm(); // idle now
            assertEquals(0, b.exit(), b.toString());
        } finally {
            a.kill();
            if (b != null) {
                b.kill();
            }
        }
        System.out.println("a worker killed with SIGKILL:" + a + b);
        Set<String> cut = new TreeSet<>(a.workerRows("Running"));
        cut.removeAll(a.workerRows("Synced"));
        assertFalse(cut.isEmpty(), "the killed worker had rows running: " + a);
        assertTrue(b.workerRows("Synced").containsAll(cut), "the other worker finished " + cut + ": " + b);
        assertPairsExact("wkill", 4);
        assertEquals("0 0 0", pg.sql(db, "select (select count(*) from batch_claim) || ' ' || (select count(*) from "
                + "mail_journal) || ' ' || (select count(*) from mm_scheduled_tasks)").trim(),
                "no claim, no write in flight, no queue entry left");
    }

    /** {@code batch run NAME --store URL --no-wait}: the batch's rows queued for the workers. */
    private static CliRun queue(String db, String batch, Path importWs) throws IOException {
        return CliRun.of(store(db, "batch", "run", batch, "--no-wait", "--workspace", importWs.toString()));
    }

    private static String queueEntries(String db) throws Exception {
        return pg.sql(db, "select count(*) from mm_scheduled_tasks where task_name = 'row-pass'").trim();
    }

    /**
     * A batch's {@code --parallel} holds over the whole fleet: two {@code mailmigrator worker --slots 2} processes (4
     * slots between them), both idle when the batch ({@code --parallel 2}) is queued, never run more than 2 of its rows
     * at once, counted on the destination server's side ({@link RowsAtOnce}: the rows' destination logins connected at
     * once; each row's first login is held up to 2 s for a third row to come, which without the fleet's count the
     * other worker's rows would).
     */
    @Test
    void aBatchOfParallelTwoNeverRunsMoreThanTwoRowsAtOnceOverTwoWorkers() throws Exception {
        String db = pg.createDatabase();
        try (RowsAtOnce destination = new RowsAtOnce(mail.imapPort(), 2, 2000)) {
            Path importWs = importBatch(db, "par", 4, 30, 1100, destination.port());
            // imported rows are Queued, which a worker takes at once: Stopped here (as the workbench's Stop leaves
            // them) so that both workers are up and idle when --no-wait queues the batch
            pg.sql(db, "update migration set status = 'STOPPED' where batch = 'par'");
            List<Worker> both = List.of(cliWorker("par-a", importWs, db), cliWorker("par-b", importWs, db));
            try {
                for (Worker w : both) {
                    w.await(l -> l.contains(" working on "), "working");
                }
                CliRun queued = CliRun.of(store(db, "batch", "run", "par", "--no-wait", "--workspace", importWs.toString()));
                assertTrue(queued.out().contains("queued 4 row(s) of par"), queued.toString());
                long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (!pg.sql(db, "select status || ' ' || count(*) from migration group by status").trim().equals("SYNCED 4")) {
                    assertTrue(System.nanoTime() < until, "the workers never finished: " + both + destination.log());
                    Thread.sleep(200);
                }
                for (Worker w : both) {
                    w.sigterm();
                    assertEquals(0, w.exit(), w.toString());
                }
            } finally {
                both.forEach(Worker::kill);
            }
            System.out.println("rows connected to the destination (ms, login or logout, rows at once): "
                    + destination.log() + both);
            assertTrue(destination.max() <= 2, "at most 2 rows of the batch at once over both workers, the destination saw "
                    + destination.max() + ": " + destination.log());
            assertEquals(2, destination.max(), "the batch ran 2 rows at once: " + destination.log());
            List<String> synced = Stream.concat(both.get(0).workerRows("Synced").stream(),
                    both.get(1).workerRows("Synced").stream()).toList();
            assertEquals(4, synced.size(), "each row finished once over both workers: " + both);
            assertEquals(4, new TreeSet<>(synced).size(), "each row finished once over both workers: " + both);
            assertPairsExact("par", 4);
            assertEquals("0", pg.sql(db, "select count(*) from batch_claim").trim(), "no claim left");
        }
    }

    @Test
    void aStoreUrlWithAPasswordIsRefusedByTheBatchCommandsWithoutEchoingIt() throws IOException {
        Path csv = Files.writeString(root.resolve("refused.csv"), "source.server,source.login\n");
        for (String command : List.of("import", "status", "run")) {
            List<String> args = new ArrayList<>(List.of("batch", command));
            if (!command.equals("status")) {
                args.add(command.equals("import") ? csv.toString() : "none");
            }
            args.addAll(List.of("--workspace", root.resolve("refused").toString(), "--store",
                    "postgresql://mm:s3cretpw@127.0.0.1:1/db"));
            CliRun run = CliRun.of(args);
            assertTrue(run.code() != 0, run.toString());
            assertTrue(run.toString().contains("must not carry a password"), command + ": " + run);
            assertFalse(run.toString().contains("s3cretpw"), command + ": " + run);
        }
    }

    /** Fills 4 source mailboxes and imports their CSV into the database ({@code batch import --store}): its workspace. */
    private static Path importBatch(String db, String prefix, int messages, long seed) throws Exception {
        return importBatch(db, prefix, 4, messages, seed, mail.imapPort());
    }

    /** The same, {@code rows} rows whose destinations are on {@code destinationPort}. */
    private static Path importBatch(String db, String prefix, int rows, int messages, long seed, int destinationPort)
            throws Exception {
        Path csv = csv(prefix, rows, messages, seed, destinationPort);
        Path importWs = root.resolve(prefix + "-import");
        CliRun imported = CliRun.of(store(db, "batch", "import", csv.toString(), "--workspace", importWs.toString(),
                "--parallel", "2", "--per-host", "20"));
        assertEquals(0, imported.code(), imported.toString());
        return importWs;
    }

    private static void assertPairsExact(String prefix, int rows) throws Exception {
        FleetCommands.assertPairsExact(mail, prefix, 0, rows);
    }

    private static Path csv(String prefix, int rows, int messages, long seed, int destinationPort) throws Exception {
        StringBuilder csv = new StringBuilder("source.server,source.login,source.password,destination.server,"
                + "destination.login,destination.password\n");
        String imap = "imap://127.0.0.1:" + mail.imapPort();
        for (int i = 0; i < rows; i++) {
            Mailboxes.fill(mail, prefix + "s" + i, messages, seed + i, 0);
            csv.append(imap).append(',').append(prefix).append("s").append(i).append(",testpass,")
                    .append("imap://127.0.0.1:" + destinationPort)
                    .append(',').append(prefix).append("d").append(i).append(",testpass\n");
        }
        return Files.writeString(root.resolve(prefix + ".csv"), csv);
    }

    private static List<String> store(String db, String... args) throws IOException {
        return FleetCommands.store(root, pg, db, args);
    }

    /** Waits (90 s at most) until one of the workers printed a line that matches: that worker. */
    private static Worker first(List<Worker> workers, Predicate<String> line, String what) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            for (Worker w : workers) {
                if (w.lines().stream().anyMatch(line)) {
                    return w;
                }
            }
            assertTrue(System.nanoTime() < until, "no worker printed " + what + ": " + workers);
            Thread.sleep(20);
        }
    }

    /** A worker process on its own workspace folder, given the import's key file and the store's password. */
    private static Worker worker(String name, Path importWs, String db, String batch, Path go) throws IOException {
        ProcessBuilder pb = ChildJvm.command(PgWorkerChild.BUNDLES, PgWorkerChild.class,
                List.of("-Xmx200m", "-Dmailmigrator.claim.seconds=2"), List.of(root.resolve(name).toString(),
                        importWs.resolve("secrets.key").toString(), pg.url(db), batch, go.toString()))
                .redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", pg.password());
        return new Worker(name, pb.start());
    }

    private static Path heartbeat(String worker) {
        return root.resolve(worker + ".heartbeat");
    }

    /** {@code mailmigrator worker} in a child JVM with its own workspace folder (another machine's), given the key file. */
    private static Worker cliWorker(String name, Path importWs, String db) throws IOException {
        List<String> args = new ArrayList<>(WorkerCliChild.contributions(root));
        args.addAll(store(db, "worker", "--workspace", root.resolve(name).toString(), "--secrets-key",
                importWs.resolve("secrets.key").toString(), "--slots", "2", "--poll-seconds", "1", "--allow-plaintext",
                "--heartbeat-file", heartbeat(name).toString()));
        ProcessBuilder pb = ChildJvm.command(WorkerCliChild.BUNDLES, WorkerCliChild.class,
                List.of("-Xmx200m", "-Dmailmigrator.claim.seconds=2", "-Dmailmigrator.fleet.heartbeat.seconds=1"), args)
                .redirectErrorStream(true);
        return new Worker(name, pb.start());
    }

    /** A child worker's output, read as it comes. */
    private static final class Worker {
        final String name;
        final Process process;
        private final ChildLines out;

        Worker(String name, Process process) {
            this.name = name;
            this.process = process;
            this.out = new ChildLines(name, process);
        }

        List<String> lines() {
            return out.lines();
        }

        void await(Predicate<String> line, String what) throws InterruptedException {
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

        /** The rows (BATCH/ID) a {@code worker} command reported in this status, one entry per report. */
        List<String> workerRows(String status) {
            return lines().stream().map(WORKER_ROW::matcher).filter(java.util.regex.Matcher::find)
                    .filter(m -> m.group(2).equals(status)).map(m -> m.group(1)).toList();
        }

        int finish() throws InterruptedException {
            int code = out.exit(Duration.ofSeconds(120));
            assertTrue(lines().contains("finished"), this.toString());
            return code;
        }

        /** Ids of the rows whose pass this worker started (each RUNNING of a row, in order). */
        List<String> rowsStarted() {
            return lines().stream().filter(l -> l.startsWith("status ") && l.endsWith(" RUNNING"))
                    .map(l -> l.split(" ")[1]).toList();
        }

        /** Rows it started and did not finish. */
        Set<String> rowsCut() {
            Set<String> out = new TreeSet<>(rowsStarted());
            out.removeAll(lines().stream().filter(l -> l.startsWith("status ") && l.endsWith(" SYNCED"))
                    .map(l -> l.split(" ")[1]).collect(Collectors.toSet()));
            return out;
        }

        void kill() {
            process.destroyForcibly();
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
