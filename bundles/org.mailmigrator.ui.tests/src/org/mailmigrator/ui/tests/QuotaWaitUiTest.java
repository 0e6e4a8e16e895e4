package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.ui.UiIds;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.internal.batches.StatusGroup;
import org.mailmigrator.ui.internal.dashboard.DashboardView;

/**
 * A row whose daily transfer budget (1 MB, {@code destination.dailyUploadMb}) is spent after a few of its 150 kB
 * messages: the Migrations view and the Details view say "Waiting for quota (until HH:MM)", not Queued; the
 * Batches view and the dashboard count it in their "Waiting for quota" column, equal to the store; Start is not
 * offered, Pause ends the wait. The budget's window is ten minutes (test property), so the row waits throughout.
 */
class QuotaWaitUiTest {
    private static final Pattern LABEL = Pattern.compile("Waiting for quota \\(until \\d\\d:\\d\\d\\)");

    @Test
    void aRowWaitingForQuotaHasItsOwnStatusEverywhere(@TempDir Path dir) throws Exception {
        BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
        var before = session.runSettings();
        System.setProperty("mailmigrator.budget.window", "PT10M");
        String[] started = {null};
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH)) {
            session.setRunSettings(before.withAllowPlaintext(true));
            TestMailboxes.fillFolders(d, "qw-s0", 1, 10, 150_000);
            String server = "imap://" + Dovecot.HOST + ":" + d.imapPort();
            Path file = dir.resolve("quota-" + System.nanoTime() + ".csv");
            Files.writeString(file, "source.server,source.login,source.password,destination.server,destination.login,"
                    + "destination.password,destination.dailyUploadMb\n" + server + ",qw-s0," + Dovecot.PASSWORD + ","
                    + server + ",qw-d0," + Dovecot.PASSWORD + ",1\n");
            BatchesViewPage batches = BatchesViewPage.open();
            String name = batches.importAndSelect(file);
            started[0] = name;
            MigrationsViewPage migrations = MigrationsViewPage.open();
            DetailsViewPage details = DetailsViewPage.open();
            migrations.selectAll();
            migrations.run("Start");
            UiTestSupport.waitUntil(() -> migrations.column("Status").size() == 1
                    && LABEL.matcher(migrations.column("Status").get(0)).matches(), Duration.ofSeconds(90),
                    () -> migrations.column("Status").toString());
            String label = migrations.column("Status").get(0);
            assertEquals(MigrationStatus.WAITING_FOR_QUOTA, session.workspace().store().states(name).get(0).status());

            migrations.select(0);
            // the Details view takes the same snapshot on its own tick (a quarter of a second apart at most)
            UiTestSupport.waitUntil(() -> details.title().contains("qw-s0@")
                    && details.title().endsWith("(" + label + ")"), Duration.ofSeconds(5), details::title);
            assertFalse(migrations.actionEnabled("Start"), "its job goes on by itself when the window opens");
            assertTrue(migrations.actionEnabled("Pause"));

            // the counts of the Batches view and of the dashboard are the store's, in the same columns
            Map<MigrationStatus, Integer> store = new EnumMap<>(MigrationStatus.class);
            for (MigrationState s : session.workspace().store().states(name)) {
                store.merge(s.status(), 1, Integer::sum);
            }
            UiTestSupport.waitUntil(() -> batches.cell(name, "Waiting for quota").equals("1"), Duration.ofSeconds(10),
                    () -> batches.cell(name, "Waiting for quota"));
            var page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
            DashboardView dashboard = (DashboardView) page.showView(UiIds.VIEW_DASHBOARD);
            dashboard.refresh();
            UiTestSupport.processEvents();
            List<String> titles = UiTestSupport.columnTitles(dashboard.batchesTable());
            List<String> row = UiTestSupport.rows(dashboard.batchesTable()).stream().filter(r -> r.get(0).equals(name))
                    .findFirst().orElseThrow();
            for (StatusGroup g : StatusGroup.values()) {
                String expected = String.valueOf(g.count(store));
                assertEquals(expected, batches.cell(name, g.title()), "Batches view, " + g.title());
                assertEquals(expected, row.get(titles.indexOf(g.title())), "dashboard, " + g.title());
            }
            assertEquals("1", row.get(titles.indexOf("Waiting for quota")));
            assertEquals("0", row.get(titles.indexOf("Queued / running")));

            migrations.run("Pause");
            UiTestSupport.waitUntil(() -> migrations.column("Status").equals(List.of("Paused")), Duration.ofSeconds(30),
                    () -> migrations.column("Status").toString());
            UiTestSupport.waitUntil(() -> batches.cell(name, "Waiting for quota").equals("0"), Duration.ofSeconds(10),
                    () -> batches.cell(name, "Waiting for quota"));
            page.hideView(dashboard);
        } finally {
            if (started[0] != null) { // a failed check must not leave a job waiting ten minutes for the next tests
                session.workspace().manager().pause(started[0], List.of());
            }
            System.clearProperty("mailmigrator.budget.window");
            session.setRunSettings(before);
        }
    }

    /** Every status is counted in exactly one column: the columns add up to the batch's migrations. */
    @Test
    void everyStatusHasOneCountColumn() {
        for (MigrationStatus s : MigrationStatus.values()) {
            Map<MigrationStatus, Integer> one = Map.of(s, 1);
            assertEquals(1, java.util.Arrays.stream(StatusGroup.values()).mapToInt(g -> g.count(one)).sum(), s.name());
        }
    }
}
