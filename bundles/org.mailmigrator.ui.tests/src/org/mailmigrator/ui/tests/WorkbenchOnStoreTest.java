package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.jobs.BatchListener;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.workspace.WorkspaceService;
import org.mailmigrator.cli.Cli;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Postgres;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.internal.batches.BatchRows;
import org.mailmigrator.ui.internal.batches.FleetWatch;
import org.mailmigrator.ui.internal.batches.MigrationColumn;
import org.mailmigrator.ui.internal.batches.MigrationRow;
import org.mailmigrator.ui.internal.batches.StoreAtStart;

/**
 * Issue 18, the workbench on the database: a session opened as the workbench opens it ({@link StoreAtStart}, from
 * {@code MAILMIGRATOR_STORE}, password from {@code PGPASSWORD}) on a real PostgreSQL, a batch imported there with
 * {@code batch import --store}, queued with the workbench's "Queue for workers" ({@link BatchSession#queueForWorkers})
 * and run by a {@code mailmigrator worker} in a child JVM (another process, its own pid) against a real Dovecot. What a
 * person reads in the Migrations view's rows ({@link BatchRows}, the view's data source, and its columns' texts) and the
 * dashboard's worker counts: a row Running with the worker's {@code host:pid}, then Synced with the true message count.
 * An unreachable store and a URL with a password: the workspace opens on the folder and the dialog says why.
 */
class WorkbenchOnStoreTest {
    private static final int MESSAGES = 400;
    private static Dovecot mail;
    private static Postgres pg;
    private static Path root;

    @BeforeAll
    static void servers() throws Exception {
        root = Files.createTempDirectory("mailmigrator-wbstore-");
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
    void aRowAWorkerRunsShowsRunningWithTheWorkerThenSyncedWithItsCount() throws Exception {
        String db = pg.createDatabase();
        Path pw = Files.writeString(root.resolve("store.pw"), pg.password() + "\n");
        Path importWs = root.resolve("import");
        StringBuilder csv = new StringBuilder("source.server,source.login,source.password,destination.server,"
                + "destination.login,destination.password\n");
        String imap = "imap://127.0.0.1:" + mail.imapPort();
        for (int i = 0; i < 2; i++) {
            TestMailboxes.fill(mail, "fws" + i, MESSAGES + i);
            csv.append(imap).append(",fws").append(i).append(',').append(Dovecot.PASSWORD).append(',').append(imap)
                    .append(",fwd").append(i).append(',').append(Dovecot.PASSWORD).append('\n');
        }
        Path file = Files.writeString(root.resolve("fw.csv"), csv);
        assertEquals(0, cli("batch", "import", file.toString(), "--workspace", importWs.toString(), "--store", pg.url(db),
                "--store-password-file", pw.toString()), "imported into the database");

        Map<String, String> env = new HashMap<>(Map.of("MAILMIGRATOR_WORKSPACE", root.resolve("workbench").toString(),
                StoreAtStart.STORE_ENV, pg.url(db), "PGPASSWORD", pg.password(),
                StoreAtStart.KEY_ENV, importWs.resolve("secrets.key").toString()));
        StoreAtStart.Opened opened = StoreAtStart.open(service(), env);
        assertEquals(Optional.empty(), opened.problem());
        assertEquals(pg.url(db), StoreAtStart.where(opened.workspace(), opened.problem()), "the title names the store");
        BatchSession opening;
        String before = System.getProperty(FleetWatch.PERIOD_PROPERTY);
        try {
            System.setProperty(FleetWatch.PERIOD_PROPERTY, "100"); // a row runs about a second here, not minutes
            opening = new BatchSession(opened.workspace(), RegistryFactory.getRegistry()); // its watch reads the period
        } finally {
            if (before == null) {
                System.clearProperty(FleetWatch.PERIOD_PROPERTY);
            } else {
                System.setProperty(FleetWatch.PERIOD_PROPERTY, before);
            }
        }
        // the worker starts now (its JVM takes a few seconds); an imported row is not taken until it is queued
        ProcessBuilder pb = FleetWorkerChild.command(root, List.of("--store", pg.url(db), "--store-password-file",
                pw.toString(), "--workspace", root.resolve("worker").toString(), "--secrets-key",
                importWs.resolve("secrets.key").toString(), "--slots", "1", "--poll-seconds", "1", "--allow-plaintext"));
        Path out = root.resolve("worker.out");
        Process worker = pb.redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try (BatchSession session = opening) {
            assertTrue(session.shared(), "a shared store");
            List<String> seen = new CopyOnWriteArrayList<>(); // what the views are told, row by row
            session.addListener(new BatchListener() {
                @Override
                public void progress(BatchProgress p) {
                    if (p.batch().equals("fw")) {
                        p.migrations().forEach(m -> seen.add(m.id() + " " + m.status()));
                    }
                }
            });
            BatchRows rows = new BatchRows(session);
            UiTestSupport.waitUntil(() -> texts(rows, MigrationColumn.STATUS).equals(List.of("Queued", "Queued")),
                    Duration.ofSeconds(20), () -> texts(rows, MigrationColumn.STATUS).toString());

            String name = ":" + worker.pid();
            assertEquals(2, session.queueForWorkers("fw", List.of()), "both rows queued for the workers");
            long queuedAt = System.nanoTime();

            Process w = worker;
            // the Migrations view's row and the dashboard's worker count agree: the worker, running one row (--slots 1)
            UiTestSupport.waitUntil(() -> row(rows, r -> MigrationColumn.STATUS.text(r).equals("Running")
                    && MigrationColumn.WORKER.text(r).endsWith(name)
                    && session.rowsByWorker().equals(Map.of(r.worker(), 1))).isPresent(), Duration.ofSeconds(40),
                    () -> texts(rows, MigrationColumn.STATUS) + " " + texts(rows, MigrationColumn.WORKER) + " "
                            + session.rowsByWorker() + " worker " + (w.isAlive() ? "alive" : "ended") + ": " + read(out));

            long runningAt = System.nanoTime();
            UiTestSupport.waitUntil(() -> texts(rows, MigrationColumn.STATUS).equals(List.of("Synced", "Synced")),
                    Duration.ofSeconds(40), () -> texts(rows, MigrationColumn.STATUS) + ": " + read(out));
            System.out.printf("queued -> a row shown Running with its worker: %d ms; -> both "
                    + "shown Synced: %d ms%n", (runningAt - queuedAt) / 1_000_000, (System.nanoTime() - runningAt) / 1_000_000);
            List<String> counts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                long inDestination = TestMailboxes.count(mail, "fwd" + i);
                assertEquals(MESSAGES + i, inDestination, "every message copied once");
                counts.add(String.valueOf(inDestination));
            }
            assertEquals(counts, texts(rows, MigrationColumn.MESSAGES), "the rows show the true message counts");
            // the worker gives its claim back just after it stores Synced: the next refresh shows no worker
            UiTestSupport.waitUntil(() -> texts(rows, MigrationColumn.WORKER).equals(List.of("", "")), Duration.ofSeconds(10),
                    () -> "no process holds a finished row: " + texts(rows, MigrationColumn.WORKER));
            BatchProgress live = session.live("fw").orElseThrow();
            assertEquals(2L * MESSAGES + 1, live.messagesDone(), "the dashboard's totals");
            assertEquals(Map.of(MigrationStatus.SYNCED, 2), live.countByStatus());
            UiTestSupport.waitUntil(() -> session.rowsByWorker().isEmpty(), Duration.ofSeconds(10),
                    () -> session.rowsByWorker().toString());
            String first = rows.rows("fw").get(0).progress().id();
            // the listener came after the session's first reading (Queued, seen in the rows above)
            List<String> told = seen.stream().filter(s -> s.startsWith(first + " ")).map(s -> s.substring(first.length() + 1))
                    .filter(s -> !s.equals("QUEUED")).distinct().toList();
            assertEquals(List.of("RUNNING", "SYNCED"), told, "the views were told each change of " + first);
        } finally {
            worker.destroy(); // SIGTERM: an idle worker ends with 0
            assertTrue(worker.waitFor(30, TimeUnit.SECONDS) || worker.destroyForcibly().waitFor(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void anUnreachableStoreOrAPasswordInTheUrlOpensTheFolderAndTheDialogSaysWhy() throws Exception {
        Path folder = root.resolve("folder-only");
        String unreachable = "postgresql://mm@127.0.0.1:1/nothing";
        StoreAtStart.Opened opened = StoreAtStart.open(service(), Map.of("MAILMIGRATOR_WORKSPACE", folder.toString(),
                StoreAtStart.STORE_ENV, unreachable, "PGPASSWORD", "x"));
        String problem;
        try {
            assertEquals(Optional.empty(), opened.workspace().folder().store(), "the folder alone");
            assertEquals(folder.toAbsolutePath(), opened.workspace().folder().dir());
            problem = opened.problem().orElseThrow();
            assertTrue(problem.contains(unreachable) && problem.toLowerCase(java.util.Locale.ROOT).contains("refused"),
                    "names the URL and the cause: " + problem);
            assertTrue(problem.contains(folder.toAbsolutePath().toString()), "says the folder opened instead: " + problem);
            assertTrue(StoreAtStart.where(opened.workspace(), opened.problem()).contains("could not be opened"));
        } finally {
            opened.workspace().close();
        }
        DialogPage dialog = DialogPage.arm(StoreAtStart.TITLE, org.eclipse.jface.dialogs.IDialogConstants.OK_LABEL);
        StoreAtStart.tell(Display.getCurrent(), problem);
        UiTestSupport.waitUntil(dialog::seen, Duration.ofSeconds(30), () -> "no dialog '" + StoreAtStart.TITLE + "'");
        dialog.stop();
        assertTrue(dialog.text().contains(unreachable), "the dialog names the store: " + dialog.text());

        StoreAtStart.Opened withPassword = StoreAtStart.open(service(), Map.of("MAILMIGRATOR_WORKSPACE", folder.toString(),
                StoreAtStart.STORE_ENV, "postgresql://mm:s3cretpw@127.0.0.1:1/db"));
        try {
            String why = withPassword.problem().orElseThrow();
            assertTrue(why.contains("must not carry a password"), why);
            assertFalse(why.contains("s3cretpw"), "never the password: " + why);
            assertEquals(Optional.empty(), withPassword.workspace().folder().store());
        } finally {
            withPassword.workspace().close();
        }
    }

    private static WorkspaceService service() {
        var context = org.osgi.framework.FrameworkUtil.getBundle(WorkspaceService.class).getBundleContext();
        return context.getService(context.getServiceReference(WorkspaceService.class));
    }

    private static int cli(String... args) {
        StringWriter out = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(out));
        System.out.println(out);
        return code;
    }

    private static List<String> texts(BatchRows rows, MigrationColumn column) {
        try {
            return rows.rows("fw").stream().map(column::text).toList();
        } catch (Exception e) {
            return List.of(e.toString());
        }
    }

    private static Optional<MigrationRow> row(BatchRows rows, java.util.function.Predicate<MigrationRow> which) {
        try {
            return rows.rows("fw").stream().filter(which).findFirst();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
