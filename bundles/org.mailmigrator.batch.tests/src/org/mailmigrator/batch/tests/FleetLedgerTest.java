package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.notify.SmtpSettings;
import org.mailmigrator.testing.ChildJvm;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Postgres;

import jakarta.mail.internet.MimeMessage;

/**
 * Issue 18: what the processes of a fleet must see alike, kept in the shared PostgreSQL store rather than in each
 * machine's workspace folder. Real Dovecot, real PostgreSQL, real SMTP (python3-aiosmtpd), each "machine" a child JVM
 * running the real command line ({@link WorkerCliChild}) with a workspace folder of its own:
 * <ul>
 * <li>a batch queued with {@code --no-wait} and run by two {@code mailmigrator worker --slots 2} processes (4 rows, {@code --parallel 4}:
 * each worker runs 2 of them at once, so both run rows): its
 * notification address gets one "started" and one "finished" mail (not one per worker, not none), and
 * {@code batch report --store} on a third machine that ran nothing prints every row's pass history;</li>
 * <li>a daily upload budget of 1 MB on one destination account, spent by a {@code migrate --store} on machine A:
 * the same account's next run on machine B (a child JVM; machine A is the test's own) copies nothing more (counted in
 * the database, not per folder).</li>
 * </ul>
 */
class FleetLedgerTest {
    private static final java.util.regex.Pattern WORKER_ROW = java.util.regex.Pattern
            .compile("mailmigrator worker: (\\S+) (Running|Synced)$");
    private static Dovecot mail;
    private static Postgres pg;
    private static SmtpServer smtp;
    private static Path root;

    @BeforeAll
    static void servers() throws Exception {
        t0 = System.nanoTime();
        root = Files.createTempDirectory("mailmigrator-fleetledger-");
        mail = Dovecot.start(Dovecot.Layout.SLASH);
        pg = Postgres.start();
        smtp = SmtpServer.start(root);
        phase("servers up");
    }

    @AfterAll
    static void stop() throws Exception {
        try (Dovecot d = mail; Postgres p = pg) {
            smtp.close();
        }
    }

    @Test
    void twoWorkersSendOneStartedAndOneFinishedMailAndAThirdMachineReportsEveryRowsPasses() throws Exception {
        phase("notification test");
        String db = pg.createDatabase();
        Path importWs = root.resolve("ledger-import");
        Path key = importWs.resolve("secrets.key"); // the import's key file, made first: the workers start meanwhile
        Files.createDirectories(importWs);
        org.mailmigrator.batch.secrets.SecretVault.open(key, true);
        List<ChildLines> both = List.of(worker("ledger-a", key, db), worker("ledger-b", key, db));
        try {
            StringBuilder csv = new StringBuilder("source.server,source.login,source.password,destination.server,"
                    + "destination.login,destination.password\n");
            String imap = "imap://127.0.0.1:" + mail.imapPort();
            for (int i = 0; i < 4; i++) {
                Mailboxes.fill(mail, "ledgers" + i, 30, 1800 + i, 0);
                csv.append(imap).append(",ledgers").append(i).append(",testpass,").append(imap).append(",ledgerd")
                        .append(i).append(",testpass\n");
            }
            Path file = Files.writeString(root.resolve("ledger.csv"), csv);
            CliRun imported = CliRun.of(store(db, "batch", "import", file.toString(), "--workspace", importWs.toString(),
                    "--name", "ledger", "--parallel", "4", "--per-host", "20", "--notify", "admin@example.org"));
            assertEquals(0, imported.code(), imported.toString());
            // idle workers until the batch is queued (as PgBatchWorkersTest's: Stopped as the workbench's Stop leaves them)
            pg.sql(db, "update migration set status = 'STOPPED' where batch = 'ledger'");
            phase("imported");
            for (ChildLines w : both) {
                w.await(l -> l.contains(" working on "), "working");
            }
            phase("workers up");
            CliRun queued = CliRun.of(store(db, "batch", "run", "ledger", "--no-wait", "--workspace", importWs.toString()));
            assertTrue(queued.out().contains("queued 4 row(s) of ledger"), queued.toString());
            long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!pg.sql(db, "select status || ' ' || count(*) from migration group by status").trim().equals("SYNCED 4")
                    || !pg.sql(db, "select count(*) from mm_scheduled_tasks").trim().equals("0")) {
                assertTrue(System.nanoTime() < until, "the workers never finished: " + both);
                Thread.sleep(200);
            }
            phase("rows synced");
            while (smtp.received().stream().noneMatch(m -> subject(m).contains("finished"))) {
                assertTrue(System.nanoTime() < until, "no finished mail: " + both);
                Thread.sleep(200);
            }
            phase("finished mail");
            for (ChildLines w : both) { // a worker's end waits for the mails it queued: a second one would be there
                assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(w.process.pid())).start().waitFor());
            }
            for (ChildLines w : both) {
                assertEquals(0, w.exit(Duration.ofSeconds(60)), w.toString());
            }
            phase("workers stopped");
        } finally {
            both.forEach(ChildLines::kill);
        }
        for (ChildLines w : both) {
            assertFalse(rows(w, "Synced").isEmpty(), "both workers finished rows of the batch: " + both);
        }
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : smtp.received()) {
            subjects.add(m.getSubject());
        }
        System.out.println("mails of two workers on one batch: " + subjects);
        assertEquals(1, subjects.stream().filter("[mailmigrator] batch ledger started"::equals).count(), subjects.toString());
        assertEquals(1, subjects.stream().filter("[mailmigrator] batch ledger finished: 0 failure(s)"::equals).count(),
                subjects.toString());
        assertEquals(2, subjects.size(), subjects.toString());
        String digest = (String) smtp.received().stream().filter(m -> subject(m).contains("finished")).findFirst()
                .orElseThrow().getContent();
        assertTrue(digest.matches("(?s).*Synced\\s+4\\n.*"), "the digest counts every worker's rows: " + digest);
        assertEquals("0", pg.sql(db, "select count(*) from batch_notice").trim(), "the run's marker ended with it");

        phase("mails counted");
        Path reports = root.resolve("ledger-reports");
        CliRun report = CliRun.of(store(db, "batch", "report", "ledger", "--workspace", root.resolve("ledger-c").toString(),
                "--out", reports.toString()));
        assertEquals(0, report.code(), report.toString());
        try (Stream<Path> txt = Files.list(reports.resolve("migrations")).filter(p -> p.toString().endsWith(".txt"))) {
            List<Path> rows = txt.toList();
            assertEquals(4, rows.size(), rows.toString());
            for (Path row : rows) {
                String text = Files.readString(row);
                assertTrue(text.contains("pass 1: full pass started ") && text.contains(": completed; copied 30,"), text);
                assertTrue(text.contains("completeness check: complete (source 30 message(s), destination 30)"), text);
            }
        }
        for (String machine : List.of("ledger-a", "ledger-b")) {
            try (Stream<Path> files = Files.walk(root.resolve(machine))) {
                assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".passes.csv")).toList(),
                        "no pass history in " + machine + "'s folder: it is the store's");
            }
        }
    }

    @Test
    void aDailyBudgetSpentOnOneMachineHoldsOnTheNext() throws Exception {
        String db = pg.createDatabase();
        Mailboxes.fillSized(mail, "budgeta", 10, 150_000);
        Mailboxes.fillSized(mail, "budgetb", 10, 150_000);
        Path pw = Files.writeString(root.resolve("budget.pw"), Dovecot.PASSWORD + "\n");
        phase("budget test");
        CliRun a = CliRun.of(store(db, migrate("budgeta", pw, "budget-a").toArray(String[]::new))); // this JVM: machine A
        assertEquals(10, a.code(), "machine A waits for quota: " + a);
        phase("machine A");
        int copied = Mailboxes.count(mail, "budgetd");
        assertTrue(copied > 0 && copied <= 6, "1 MB of 150 KB messages: " + copied);
        long counted = Long.parseLong(pg.sql(db, "select bytes from transfer_budget where k = 'upload.budgetd@127.0.0.1'")
                .trim());
        assertEquals(copied * 150_000L, counted, "the upload counted in the database, per destination account");
        assertFalse(Files.exists(root.resolve("budget-a").resolve("transfer-budget.properties")), "no count in the folder");

        ChildLines b = cli("budget-b", db, migrate("budgetb", pw, "budget-b"));
        assertEquals(10, b.exit(Duration.ofSeconds(90)), "machine B finds the account's budget spent: " + b);
        assertTrue(b.toString().contains("waiting for quota until"), b.toString());
        assertEquals(copied, Mailboxes.count(mail, "budgetd"), "machine B copied nothing more into the spent account");
        phase("machine B");
    }

    private static long t0 = System.nanoTime();

    /** How long the test took to get here (the class's time is part of the suite's budget). */
    private static void phase(String what) {
        System.out.printf("FleetLedgerTest: %s after %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return e.toString();
        }
    }

    private static List<String> migrate(String source, Path pw, String machine) {
        return List.of("migrate", "--source", "imap://" + source + "@127.0.0.1:" + mail.imapPort(), "--target",
                "imap://budgetd@127.0.0.1:" + mail.imapPort(), "--allow-plaintext", "--source-password-file",
                pw.toString(), "--target-password-file", pw.toString(), "--state", root.resolve(machine).toString(),
                "--target-daily-mb", "1");
    }

    private static List<String> rows(ChildLines w, String status) {
        return w.lines().stream().map(WORKER_ROW::matcher).filter(java.util.regex.Matcher::find)
                .filter(m -> m.group(2).equals(status)).map(m -> m.group(1)).toList();
    }

    private static List<String> store(String db, String... args) throws IOException {
        return FleetCommands.store(root, pg, db, args);
    }

    /** {@code mailmigrator worker --slots 2} on a machine of its own, whose folder holds the SMTP settings. */
    private static ChildLines worker(String name, Path key, String db) throws IOException {
        new SmtpSettings("127.0.0.1", smtp.port(), "none", "mailmigrator@example.org", Optional.empty())
                .save(new Workspace(root.resolve(name)));
        return cli(name, db, List.of("worker", "--workspace", root.resolve(name).toString(), "--secrets-key",
                key.toString(), "--slots", "2", "--poll-seconds", "1", "--allow-plaintext"));
    }

    /** The real command line in a child JVM (another machine), with core's, IMAP's and the batch bundle's contributions. */
    private static ChildLines cli(String name, String db, List<String> command) throws IOException {
        List<String> args = new ArrayList<>(WorkerCliChild.contributions(root,
                org.mailmigrator.batch.notify.MailNotifiers.class));
        args.addAll(store(db, command.toArray(String[]::new)));
        ProcessBuilder pb = ChildJvm.command(WorkerCliChild.BUNDLES, WorkerCliChild.class,
                List.of("-Xmx200m", "-Dmailmigrator.claim.seconds=2", "-Dmailmigrator.fleet.heartbeat.seconds=1"), args)
                .redirectErrorStream(true);
        return new ChildLines(name, pb.start());
    }
}
