package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.report.ErrorCauses;
import org.mailmigrator.batch.report.BatchReport;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.ui.UiIds;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.internal.dashboard.DashboardView;

/**
 * The fleet dashboard after a batch ran against Dovecot (two rows synced, one refused login): its counts equal
 * the store's, the refused login is one cause with its fix, a double-click on it shows that row alone in the
 * Migrations view, the throughput chart has samples, the server's connections are listed against the limit, and
 * the HTML report beside the JSON/CSV ones has its charts and the same cause.
 */
class DashboardTest {

    @Test
    void dashboardNumbersEqualTheStoreAndCausesFilterTheRows(@TempDir Path dir) throws Exception {
        BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
        var before = session.runSettings();
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH)) {
            session.setRunSettings(before.withAllowPlaintext(true));
            String server = Dovecot.HOST + ":" + d.imapPort();
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                TestMailboxes.fill(d, "db-s" + i, 4);
                rows.append(server).append(";db-s").append(i).append(";").append(i == 2 ? "wrong" : Dovecot.PASSWORD).append(";")
                        .append(server).append(";db-d").append(i).append(";").append(Dovecot.PASSWORD).append(";;\n");
            }
            Path file = dir.resolve("dash-" + System.nanoTime() + ".txt");
            Files.writeString(file, rows);
            String name = BatchesViewPage.open().importAndSelect(file);
            MigrationsViewPage migrations = MigrationsViewPage.open();
            migrations.selectAll();
            migrations.run("Start");
            UiTestSupport.waitUntil(() -> migrations.column("Status").stream().noneMatch(s -> s.equals("Queued")
                    || s.equals("Running")), Duration.ofSeconds(90), () -> migrations.column("Status").toString());

            var page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
            DashboardView dashboard = (DashboardView) page.showView(UiIds.VIEW_DASHBOARD);
            UiTestSupport.processEvents();
            dashboard.refresh();
            Map<MigrationStatus, Long> store = session.workspace().store().states(name).stream()
                    .collect(Collectors.groupingBy(s -> s.status(), Collectors.counting()));
            assertEquals(Map.of(MigrationStatus.SYNCED, 2L, MigrationStatus.FAILED, 1L), store);
            List<String> row = row(dashboard.batchesTable(), name);
            assertEquals(List.of(name, "3", "0", String.valueOf(store.get(MigrationStatus.SYNCED)),
                    String.valueOf(store.get(MigrationStatus.FAILED)), "0"), row.subList(0, 6), "the dashboard equals the store");

            // the dashboard is the fleet's: causes count the failed rows of every batch of the workspace (other
            // tests of this workbench leave theirs), so the expected number comes from the whole store
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            for (String b : session.workspace().store().names()) {
                session.workspace().store().states(b).forEach(s -> s.lastError().ifPresent(e -> errors.put(b + "/" + s.migrationId(), e)));
            }
            long authFailed = ErrorCauses.group(errors).stream().filter(c -> c.name().equals("authentication failed"))
                    .mapToLong(c -> c.rows().size()).sum();
            assertTrue(authFailed >= 1, errors.toString());
            int at = -1;
            for (int i = 0; i < dashboard.causesTable().getItemCount(); i++) {
                if (dashboard.causesTable().getItem(i).getText(1).equals("authentication failed")) {
                    at = i;
                }
            }
            assertTrue(at >= 0, UiTestSupport.rows(dashboard.causesTable()).toString());
            List<String> cause = UiTestSupport.cells(dashboard.causesTable(), dashboard.causesTable().getItem(at));
            assertEquals(String.valueOf(authFailed), cause.get(0), cause + " " + errors);
            assertTrue(cause.get(2).contains("password"), cause.toString());
            try {
                dashboard.showRowsOf(at);
                UiTestSupport.processEvents();
                // the one-click filter shows every row of that cause and no other, whatever words each message uses
                UiTestSupport.waitUntil(() -> !migrations.column("Source").isEmpty()
                        && migrations.column("Status").stream().allMatch(st -> st.equals("Failed")), Duration.ofSeconds(5),
                        () -> migrations.column("Source") + " " + migrations.column("Status"));
                assertEquals(authFailed, migrations.column("Source").size(), migrations.column("Source") + " " + errors);
                assertEquals("cause: authentication failed", migrations.filterText());
            } finally {
                migrations.filter(""); // the next tests see every row
            }

            List<String> host = row(dashboard.hostsTable(), "127.0.0.1");
            assertEquals(List.of("127.0.0.1", "0", String.valueOf(session.workspace().store().batch(name).orElseThrow().perHostLimit())), host);
            UiTestSupport.waitUntil(() -> dashboard.chartSamples() >= 2, Duration.ofSeconds(5), () -> "no chart samples");
            // the throughput history is in the workspace: a dashboard opened again (as after a restart) starts from it
            assertTrue(org.mailmigrator.batch.report.ThroughputLog.read(session.workspace().folder(), name).stream()
                    .anyMatch(s -> s.row().startsWith("0000")), "the run's rows are in the stored history");
            // the batch's stop line (written when it stops) is stored before the dashboard is opened again
            UiTestSupport.waitUntil(() -> org.mailmigrator.batch.report.ThroughputLog.read(session.workspace().folder(), name)
                    .stream().anyMatch(s -> s.row().isEmpty()), Duration.ofSeconds(20), () -> "no stop line stored");
            page.hideView(dashboard);
            java.time.Instant reopenedAt = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            DashboardView reopened = (DashboardView) page.showView(UiIds.VIEW_DASHBOARD);
            assertTrue(reopened.chartHistorySamples() >= 1, "the reopened chart starts from the stored history");
            // point for point, the reopened chart is the stored history of every batch, summed (its last ten minutes;
            // live samples from the reopening on are not the store's)
            List<org.mailmigrator.batch.report.ThroughputLog.Rate> stored = storedHistory(session);
            java.time.Instant newest = stored.get(stored.size() - 1).at();
            List<String> expected = stored.stream().filter(r -> r.at().isAfter(newest.minusSeconds(600)))
                    .filter(r -> r.at().isBefore(reopenedAt)).map(DashboardTest::point).toList();
            List<String> drawn = reopened.chartPoints().stream().filter(r -> r.at().isBefore(reopenedAt))
                    .map(DashboardTest::point).toList();
            assertFalse(expected.isEmpty(), "this run's history is stored");
            assertEquals(expected, drawn, "the chart's series equal the stored throughput history");

            Path reports = dir.resolve("reports");
            BatchReport.load(session.workspace().store(), session.workspace().folder(), name,
                    org.mailmigrator.batch.jobs.ConnectorFactory.of(session.workspace().connectors())).write(reports);
            String html = Files.readString(reports.resolve("report.html"));
            assertTrue(html.contains("<img alt=\"Migrations by status\" src=\"data:image/png;base64,"), "charts in the HTML report");
            assertTrue(html.contains("<img alt=\"Throughput over time\" src=\"data:image/png;base64,"), "the throughput history too");
            assertTrue(html.contains("authentication failed") && html.contains("db-s2@127.0.0.1"), html);
            assertTrue(Files.exists(reports.resolve("batch.json")) && Files.exists(reports.resolve("migrations.csv")));
        } finally {
            session.setRunSettings(before);
        }
    }

    private static List<String> row(Table t, String first) {
        for (TableItem item : t.getItems()) {
            if (item.getText(0).equals(first)) {
                return UiTestSupport.cells(t, item);
            }
        }
        throw new AssertionError("no row " + first + " in " + UiTestSupport.rows(t));
    }

    /** What the dashboard reads from the workspace: each batch's stored throughput history, summed over batches. */
    private static List<org.mailmigrator.batch.report.ThroughputLog.Rate> storedHistory(BatchSession session) throws Exception {
        List<List<org.mailmigrator.batch.report.ThroughputLog.Rate>> batches = new java.util.ArrayList<>();
        for (String b : session.workspace().store().names()) {
            batches.add(org.mailmigrator.batch.report.ThroughputLog.rates(org.mailmigrator.batch.report.ThroughputLog.read(
                    session.workspace().folder(), b), Duration.ofMillis(org.mailmigrator.batch.report.ThroughputLog.PERIOD_MS)));
        }
        return org.mailmigrator.batch.report.ThroughputLog.sum(batches);
    }

    /** A chart point as a person reads it off the chart: its second, messages/s and MB/s to 3 decimals. */
    private static String point(org.mailmigrator.batch.report.ThroughputLog.Rate r) {
        return String.format(java.util.Locale.ROOT, "%s %.3f msg/s %.3f MB/s", r.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                r.messagesPerSecond(), r.bytesPerSecond() / 1e6);
    }
}
