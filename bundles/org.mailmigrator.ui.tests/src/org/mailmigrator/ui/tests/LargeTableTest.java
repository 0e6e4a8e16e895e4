package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.mailmigrator.batch.csv.ImportOptions;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * 10,000 migrations in the virtual table: sorted and filtered through the real widgets. Prints the time of a
 * sort (header click to repainted table) as the UI benchmark figure; the budget is 200 ms per sort. Not a
 * timed assertion: a loaded build machine must not fail the build, the figure is read by people.
 */
class LargeTableTest {
    private static final int ROWS = 10_000;

    @Test
    void tenThousandRowsSortAndFilter() throws Exception {
        BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
        String name = "large-" + System.nanoTime();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(7));  // file order differs from any sort order
        StringBuilder csv = new StringBuilder();
        for (int i : order) {
            csv.append(String.format("old%d.example;u%05d;pw;new.example;v%05d;pw;;%n", i % 7, i, i));
        }
        var imported = session.workspace().importer().read(csv.toString().getBytes(StandardCharsets.UTF_8), ImportOptions.auto());
        assertEquals(ROWS, imported.pairs().size(), String.valueOf(imported.problems()));
        session.workspace().importBatch(name, imported, false,
                session.defaults(), java.util.Optional.empty(), java.util.Optional.empty());

        BatchesViewPage.open().select(name);
        MigrationsViewPage view = MigrationsViewPage.open();
        assertEquals(ROWS, view.rowCount());
        assertEquals(String.format("u%05d@old%d.example", order.get(0), order.get(0) % 7), view.cell(0, "Source"));

        view.sortBy("Destination");
        assertEquals("v00000@new.example", view.cell(0, "Destination"));
        assertEquals("v09999@new.example", view.cell(ROWS - 1, "Destination"));
        view.sortBy("Destination");  // a second click reverses
        assertEquals("v09999@new.example", view.cell(0, "Destination"));

        view.filter("u04242@");
        assertEquals(1, view.rowCount());
        assertEquals("v04242@new.example", view.cell(0, "Destination"));
        view.filter("old3.");
        assertEquals(ROWS / 7 + (ROWS % 7 > 3 ? 1 : 0), view.rowCount());
        view.filter("");
        view.statusFilter("Failed");
        assertEquals(0, view.rowCount());
        view.statusFilter("Queued");
        assertEquals(ROWS, view.rowCount());
        view.statusFilter("All statuses");

        try {
            System.out.println("UI benchmark: " + SortBenchmark.run(view, List.of("Source", "Destination", "Status", "Messages"), 5));
            assertEquals(ROWS, view.rowCount());
        } finally {
            view.unsorted();  // other tests read rows in the batches' order
        }
    }
}
