package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * Help > Open Demo Batch in the real workbench: the menu item starts the in-process IMAP servers, the batch
 * "demo" appears in the Batches view, and its five migrations reach Synced in the Migrations view.
 */
class DemoBatchUiTest {
    private static final String DEMO = "demo";

    @Test
    void openDemoBatchRunsFiveMigrationsToSynced() throws Exception {
        BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
        MigrationsViewPage migrations = MigrationsViewPage.open();
        BatchesViewPage batches = BatchesViewPage.open();
        try {
            UiTestSupport.click(menuItem("Help", "Open Demo Batch"));
            UiTestSupport.waitUntil(() -> !batches.row(DEMO).isEmpty(), Duration.ofSeconds(60), () -> "no batch " + DEMO);
            batches.select(DEMO);
            UiTestSupport.waitUntil(() -> migrations.column("Status").equals(Collections.nCopies(5, "Synced")),
                    Duration.ofMinutes(3), () -> migrations.column("Status").toString());
            assertEquals(List.of("alice@legacy.example@127.0.0.1", "bob@legacy.example@127.0.0.1",
                    "carol@legacy.example@127.0.0.1", "dave@legacy.example@127.0.0.1", "erin@legacy.example@127.0.0.1"),
                    migrations.column("Source"));
            assertEquals("90 / 90", migrations.cell(0, "Messages"));
            // the demo selects its first row, so the Details view follows alice's migration folder by folder
            DetailsViewPage details = DetailsViewPage.open();
            UiTestSupport.waitUntil(() -> details.title().contains("alice@legacy.example"), Duration.ofSeconds(10), details::title);
            List<List<String>> folders = details.folders();
            assertTrue(folders.stream().anyMatch(f -> f.get(0).equals("INBOX")), folders.toString());
            assertTrue(folders.stream().allMatch(f -> f.get(4).equals("Done")), folders.toString());
            assertEquals(90, folders.stream().mapToInt(f -> Integer.parseInt(f.get(1).split(" / ")[0])).sum(), folders.toString());
            // the Batches view's counts follow at their own pace (updates coalesced, at most 4 a second)
            UiTestSupport.waitUntil(() -> batches.row(DEMO).equals(List.of(DEMO, "5", "0", "5", "0", "0")),
                    Duration.ofSeconds(10), () -> batches.row(DEMO).toString());
        } finally {
            batches.selectNone();
            if (session.workspace().store().batch(DEMO).isPresent()) {
                session.workspace().purge(DEMO);
            }
        }
    }

    /** The item of a menu of the menu bar, after the menu was shown (menu managers fill menus on SWT.Show). */
    private static MenuItem menuItem(String menu, String item) {
        Menu bar = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().getMenuBar();
        for (MenuItem top : bar.getItems()) {
            if (top.getText().replace("&", "").equals(menu)) {
                Menu sub = top.getMenu();
                sub.notifyListeners(SWT.Show, new Event());
                UiTestSupport.processEvents();
                for (MenuItem i : sub.getItems()) {
                    if (i.getText().replace("&", "").startsWith(item)) {
                        sub.notifyListeners(SWT.Hide, new Event());
                        return i;
                    }
                }
            }
        }
        assertNotNull(null, "no menu item " + menu + " > " + item);
        return null;
    }
}
