package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
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
 * Issue 18, driving the fleet: {@code batch pause|stop|resume NAME [ROW] --store URL} from the test's process (the
 * real command line) acting on rows that two {@code mailmigrator worker --slots 2} processes run (the real command
 * line in child JVMs, {@link WorkerCliChild}). Real Dovecot and PostgreSQL; the destinations are reached through a
 * relay that holds each server answer 30 ms (a distant server: a row's pass lasts seconds, so it can be paused in the
 * middle). Checked as an administrator would: the row's status, which worker said what, the queue, claims and
 * requests left in the database, and every pair message by message against Dovecot (nothing twice, nothing that is
 * not in the source; exact once synced).
 */
class FleetControlTest {
    private static final Pattern ROW = Pattern.compile("mailmigrator worker: (\\S+) (Running|Synced|Paused|Stopped|Interrupted)$");
    private static Dovecot mail;
    private static Postgres pg;
    private static Relay slow;
    private static Path root;

    @BeforeAll
    static void servers() throws Exception {
        root = Files.createTempDirectory("mailmigrator-fleetcontrol-");
        mail = Dovecot.start(Dovecot.Layout.SLASH);
        pg = Postgres.start();
        slow = Relay.to(mail.imapPort()).name("slow-destination")
                .onOpen(link -> link.down(Relay.copy((b, len, before) -> Thread.sleep(30)))).start();
    }

    @AfterAll
    static void stop() throws Exception {
        try (Dovecot d = mail; Postgres p = pg; Relay r = slow) {
            // all closed
        }
    }

    @Test
    void aRowRunByAWorkerIsPausedResumedAndAWholeBatchStoppedFromAnotherProcess() throws Exception {
        String db = pg.createDatabase();
        long t0 = System.nanoTime();
        Path ws = importBatch(db, "pz", 3, 90, 1300, 3); // all three at once: one is paused while the others run
        importBatch(db, "st", 3, 90, 1400, 2);
        System.out.println("filled and imported: " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertEquals(0, run(db, "run", "pz", "--no-wait").code());
        List<ChildLines> workers = List.of(worker("fc-a", ws, db), worker("fc-b", ws, db));
        try {
            // pause one running row from this process: its worker stops it between two messages
            String running = firstRunning(workers, "pz/");
            String row = running.substring("pz/".length());
            long asked = System.nanoTime();
            CliRun paused = run(db, "pause", "pz", row);
            long tookMs = (System.nanoTime() - asked) / 1_000_000;
            System.out.println("batch pause pz " + row + " (" + tookMs + " ms):\n" + paused);
            assertEquals(0, paused.code(), paused.toString());
            assertTrue(paused.out().contains(" to pause pz/" + row), paused.toString());
            assertTrue(paused.out().contains("pz/" + row + " Paused"), "the command waited for the row: " + paused);
            assertTrue(tookMs < 15_000, "paused within seconds, took " + tookMs + " ms");
            ChildLines holder = workers.stream().filter(w -> said(w, running, "Running")).findFirst().orElseThrow();
            // the worker prints its line after the status is stored, which the command saw: read it as it comes
            waitFor(() -> said(holder, running, "Paused"), "the worker running it said so: " + holder, db, workers);
            waitFor(() -> status(db, "pz").equals(Map.of("PAUSED", 1, "SYNCED", 2)), "the other rows synced", db, workers);
            assertEquals("PAUSED", one(db, "select status from migration where batch = 'pz' and id = '" + row + "'"));
            // a worker prints a row's line, and gives its claim back, just after it stores the status seen above
            waitFor(() -> workers.stream().anyMatch(w -> w.lines().stream().anyMatch(l -> l.startsWith("mailmigrator worker: pz/")
                    && l.endsWith(" Synced"))), "the workers ran the batch's other rows", db, workers);
            assertConsistent("pz", Integer.parseInt(row.substring(row.indexOf("-pzs") + 4))); // the id names the source
            waitFor(() -> one(db, "select (select count(*) from batch_request) || ' ' || (select count(*) from "
                    + "batch_claim where batch = 'pz')").equals("0 0"), "the request was removed, the claim given back", db,
                    workers);

            // resume: queued for the workers again, it ends synced with the pair exact
            CliRun resumed = run(db, "resume", "pz", row);
            assertEquals(0, resumed.code(), resumed.toString());
            assertTrue(resumed.out().contains("queued 1 paused or stopped row(s) of pz"), resumed.toString());
            waitFor(() -> status(db, "pz").equals(Map.of("SYNCED", 3)), "the resumed row synced", db, workers);
            System.out.println("paused, resumed, synced: " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            for (int i = 0; i < 3; i++) {
                Mailboxes.assertSame(mail, "pzs" + i, "pzd" + i);
            }

            // stop a whole batch of --parallel 2 with 2 rows running and 1 waiting (queued for the workers)
            assertEquals(0, run(db, "run", "st", "--no-wait").code());
            firstRunning(workers, "st/");
            CliRun stopped = run(db, "stop", "st");
            System.out.println("batch stop st:\n" + stopped);
            assertEquals(0, stopped.code(), stopped.toString());
            assertTrue(stopped.out().contains("to stop st/"), "running rows asked of their workers: " + stopped);
            waitFor(() -> status(db, "st").equals(Map.of("STOPPED", 3)) && one(db, "select (select count(*) from "
                    + "batch_claim) + (select count(*) from batch_request) + (select count(*) from mm_scheduled_tasks)")
                    .equals("0"), "every row of st stopped, nothing left in the queue", db, workers);
            System.out.println("stopped: " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            for (int i = 0; i < 3; i++) {
                assertConsistent("st", i);
            }
            for (ChildLines w : workers) {
                assertTrue(w.process.isAlive(), "the workers go on: " + w);
                assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(w.process.pid())).start().waitFor());
                assertEquals(0, w.exit(Duration.ofSeconds(60)), "an idle worker stops with 0: " + w);
            }
        } finally {
            workers.forEach(ChildLines::kill);
        }
        System.out.println("the workers:" + workers);
    }

    /**
     * A workspace folder has no other processes to ask: with none holding it, pause and stop set the rows that wait
     * to run, resume sets them Queued (for the next {@code batch run}); held by another process (a run, the workbench),
     * the commands are refused with a message naming it.
     */
    @Test
    void onAWorkspaceFolderRowsAreSetWhenNoProcessHoldsItAndAHeldFolderIsRefused() throws Exception {
        Path ws = root.resolve("folder");
        Path csv = Files.writeString(root.resolve("team.csv"), "source.server,source.login,source.password,"
                + "destination.server,destination.login,destination.password\n"
                + "imap://127.0.0.1:1,ann,pw,imap://127.0.0.1:1,ann2,pw\nimap://127.0.0.1:1,bob,pw,imap://127.0.0.1:1,bob2,pw\n");
        assertEquals(0, CliRun.of("batch", "import", csv.toString(), "--workspace", ws.toString()).code());
        CliRun paused = CliRun.of("batch", "pause", "team", "00002-ann", "--workspace", ws.toString());
        assertEquals(0, paused.code(), paused.toString());
        assertTrue(paused.out().contains("set 1 row(s) of team Paused"), paused.toString());
        CliRun unknown = CliRun.of("batch", "stop", "team", "00009-zed", "--workspace", ws.toString());
        assertEquals(2, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("batch team has no row 00009-zed"), unknown.toString());
        CliRun stopped = CliRun.of("batch", "stop", "team", "--workspace", ws.toString());
        assertTrue(stopped.out().contains("set 2 row(s) of team Stopped"), stopped.toString());
        try (org.mailmigrator.batch.store.BatchStore store = org.mailmigrator.batch.store.BatchStore.open(
                ws.resolve("batches"), true)) {
            assertEquals(List.of("STOPPED", "STOPPED"), store.states("team").stream().map(st -> st.status().name()).toList());
        }
        CliRun resumed = CliRun.of("batch", "resume", "team", "--workspace", ws.toString());
        assertTrue(resumed.out().contains("set 2 paused or stopped row(s) of team Queued")
                && resumed.out().contains("batch run team"), resumed.toString());

        Process holder = ChildJvm.command(BatchChild.BUNDLES, StoreHolder.class, List.of("-Xmx64m"),
                List.of(ws.resolve("batches").toString())).redirectErrorStream(true).start();
        ChildLines held = new ChildLines("holder", holder);
        try {
            held.await(l -> l.startsWith("open "), "open");
            CliRun refused = CliRun.of("batch", "pause", "team", "--workspace", ws.toString());
            assertEquals(1, refused.code(), refused.toString());
            assertTrue(refused.err().contains("in use by process " + holder.pid())
                    && refused.err().contains("only a shared store (--store URL) takes a pause"), refused.toString());
        } finally {
            holder.getOutputStream().close();
            held.exit(Duration.ofSeconds(20));
        }
    }

    /** A destination holds only messages of its source, each once (a pass cut in the middle). */
    private static void assertConsistent(String prefix, int i) throws Exception {
        Map<String, List<String>> source = Mailboxes.snapshot(mail, prefix + "s" + i);
        Map<String, List<String>> destination = Mailboxes.snapshot(mail, prefix + "d" + i);
        destination.forEach((folder, lines) -> {
            assertEquals(new HashSet<>(lines).size(), lines.size(), "nothing twice in " + prefix + "d" + i + "/" + folder);
            assertTrue(source.getOrDefault(folder, List.of()).containsAll(lines),
                    "only the source's messages in " + prefix + "d" + i + "/" + folder);
        });
    }

    private static boolean said(ChildLines w, String row, String status) {
        return w.lines().stream().map(ROW::matcher).anyMatch(m -> m.find() && m.group(1).equals(row)
                && m.group(2).equals(status));
    }

    /** Waits until a worker says a row of the batch ({@code prefix} "NAME/") runs: that row. */
    private static String firstRunning(List<ChildLines> workers, String prefix) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            for (ChildLines w : workers) {
                for (String l : w.lines()) {
                    Matcher m = ROW.matcher(l);
                    if (m.find() && m.group(1).startsWith(prefix) && m.group(2).equals("Running")) {
                        return m.group(1);
                    }
                }
            }
            assertTrue(System.nanoTime() < until, "no worker ran a row of " + prefix + workers);
            Thread.sleep(20);
        }
    }

    private static void waitFor(BooleanSupplier done, String what, String db, List<ChildLines> workers)
            throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, what + ": never; rows " + status(db, "pz") + status(db, "st") + workers);
            Thread.sleep(200);
        }
    }

    private static Map<String, Integer> status(String db, String batch) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        for (String l : one(db, "select string_agg(status || '=' || n, ',') from (select status, count(*) n from "
                + "migration where batch = '" + batch + "' group by status) t").split(",")) {
            if (l.contains("=")) {
                out.put(l.substring(0, l.indexOf('=')), Integer.parseInt(l.substring(l.indexOf('=') + 1)));
            }
        }
        return out;
    }

    private static String one(String db, String sql) {
        try {
            return pg.sql(db, sql).trim();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code batch COMMAND ARGS… --store URL} in this process (the test machine is another node of the fleet). */
    private static CliRun run(String db, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("batch"));
        all.addAll(List.of(args));
        all.addAll(List.of("--workspace", root.resolve("import").toString())); // the import's: its key file
        return CliRun.of(store(db, all));
    }

    /** {@code rows} source mailboxes filled, their CSV imported with {@code --parallel N}; the import's workspace. */
    private static Path importBatch(String db, String prefix, int rows, int messages, long seed, int parallel)
            throws Exception {
        StringBuilder csv = new StringBuilder("source.server,source.login,source.password,destination.server,"
                + "destination.login,destination.password\n");
        for (int i = 0; i < rows; i++) {
            Mailboxes.fill(mail, prefix + "s" + i, messages, seed + i, 0);
            csv.append("imap://127.0.0.1:").append(mail.imapPort()).append(',').append(prefix).append("s").append(i)
                    .append(",testpass,imap://127.0.0.1:").append(slow.port()).append(',').append(prefix).append("d")
                    .append(i).append(",testpass\n");
        }
        Path file = Files.writeString(root.resolve(prefix + ".csv"), csv);
        Path ws = root.resolve("import");
        CliRun imported = CliRun.of(store(db, List.of("batch", "import", file.toString(), "--workspace", ws.toString(),
                "--parallel", String.valueOf(parallel), "--per-host", "20")));
        assertEquals(0, imported.code(), imported.toString());
        return ws;
    }

    private static List<String> store(String db, List<String> args) throws IOException {
        Path pw = root.resolve("store.pw");
        if (!Files.exists(pw)) {
            Files.writeString(pw, pg.password() + "\n");
        }
        return Stream.concat(args.stream(), Stream.of("--store", pg.url(db), "--store-password-file", pw.toString())).toList();
    }

    /** {@code mailmigrator worker --slots 2} in a child JVM with its own workspace folder, given the key file. */
    private static ChildLines worker(String name, Path importWs, String db) throws IOException {
        List<String> args = new ArrayList<>(WorkerCliChild.contributions(root));
        args.addAll(store(db, List.of("worker", "--workspace", root.resolve(name).toString(), "--secrets-key",
                importWs.resolve("secrets.key").toString(), "--slots", "2", "--poll-seconds", "1", "--allow-plaintext")));
        ProcessBuilder pb = ChildJvm.command(WorkerCliChild.BUNDLES, WorkerCliChild.class,
                List.of("-Xmx200m", "-Dmailmigrator.claim.seconds=2", "-Dmailmigrator.fleet.heartbeat.seconds=1"), args)
                .redirectErrorStream(true);
        return new ChildLines(name, pb.start());
    }
}
