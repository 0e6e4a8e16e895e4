package org.mailmigrator.ui.internal.batches;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * At start: rows whose pass was cut off (by a crash, a closed workbench, a stopped command) are marked
 * Interrupted, and the workbench offers to resume them. "Not now" leaves them Interrupted: Start or Resume in the
 * Migrations view continues them later. Not offered on a shared store (the workers take such rows again).
 */
public final class ResumeOffer {
    public static final String TITLE = "Resume interrupted migrations";
    public static final String RESUME = "Resume";
    public static final String NOT_NOW = "Not now";

    private ResumeOffer() {
    }

    /** Marks cut-off rows and returns every Interrupted row, by batch. */
    public static Map<String, List<String>> interrupted(BatchSession session) throws BatchStoreException {
        session.workspace().manager().markInterrupted();
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String batch : session.workspace().store().names()) {
            List<String> ids = session.workspace().store().states(batch).stream()
                    .filter(s -> s.status() == MigrationStatus.INTERRUPTED).map(MigrationState::migrationId).toList();
            if (!ids.isEmpty()) {
                out.put(batch, ids);
            }
        }
        return out;
    }

    /** Asks, when there is anything to resume; returns how many migrations were resumed. */
    public static int offer(Shell shell, BatchSession session) {
        if (session.shared()) {
            // a shared store's Interrupted rows are other processes' too: the workers queue them again themselves,
            // and Resume in the Migrations view runs them here when the person wants that
            return 0;
        }
        try {
            Map<String, List<String>> rows = interrupted(session);
            if (rows.isEmpty()) {
                return 0;
            }
            int n = rows.values().stream().mapToInt(List::size).sum();
            String where = rows.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().size())
                    .collect(Collectors.joining(", "));
            MessageDialog d = new MessageDialog(shell, TITLE, null, n + " migration(s) were cut off when the program "
                    + "last ended (" + where + ").\n\nResume them now? They continue where they stood; nothing is copied "
                    + "twice.", MessageDialog.QUESTION, 0, RESUME, NOT_NOW);
            if (d.open() != 0) {
                return 0;
            }
            int resumed = 0;
            for (var e : rows.entrySet()) {
                resumed += session.workspace().manager().resume(e.getKey(), e.getValue(), session.runSettings());
            }
            session.workspace().fireChanged();
            return resumed;
        } catch (BatchStoreException e) {
            MessageDialog.openError(shell, TITLE, "The migrations' states cannot be read: " + e.getMessage());
            return 0;
        }
    }
}
