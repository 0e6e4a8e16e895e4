package org.mailmigrator.ui.tests;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Times header clicks on the Migrations table: from the click to the visible rows repainted (the event loop
 * drained and the first screenful read back), which is what a person waits for.
 */
final class SortBenchmark {
    private SortBenchmark() {
    }

    static String run(MigrationsViewPage view, List<String> columns, int rounds) {
        List<Double> ms = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (String c : columns) {
                long t0 = System.nanoTime();
                view.sortBy(c);
                view.table().update();  // paint now, not later
                for (int i = 0; i < Math.min(40, view.rowCount()); i++) {
                    view.cell(i, c);
                }
                ms.add((System.nanoTime() - t0) / 1e6);
            }
        }
        Collections.sort(ms);
        return String.format("sort of %d rows: median %.1f ms, max %.1f ms over %d sorts (budget 200 ms)", view.rowCount(),
                ms.get(ms.size() / 2), ms.get(ms.size() - 1), ms.size());
    }
}
