package org.mailmigrator.ui.internal.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.mailmigrator.ui.UiIds;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.internal.batches.MigrationRow;
import org.mailmigrator.ui.internal.batches.MigrationsView;

/**
 * Remove: after a confirmation, stops the selected migrations and deletes them from their batches with their
 * passwords, statuses and skipped items (in a job: stopping waits for the current message).
 */
public final class RemoveMigrationsHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        var window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
        if (!(window.getActivePage().findView(UiIds.VIEW_MIGRATIONS) instanceof MigrationsView view)) {
            return null;
        }
        Map<String, List<String>> byBatch = new LinkedHashMap<>();
        for (MigrationRow r : view.table().selection()) {
            byBatch.computeIfAbsent(r.batch(), k -> new ArrayList<>()).add(r.progress().id());
        }
        int n = byBatch.values().stream().mapToInt(List::size).sum();
        if (n == 0 || !MessageDialog.openConfirm(window.getShell(), "Remove migrations", "Stop and remove " + n
                + " migration(s) with their stored passwords, statuses and skipped items? This cannot be undone.")) {
            return null;
        }
        BatchSession session = window.getService(BatchSession.class);
        Job.create("Remove " + n + " migration(s)", monitor -> {
            for (var e : byBatch.entrySet()) {
                try {
                    session.workspace().remove(e.getKey(), e.getValue());
                } catch (Exception x) {
                    return Status.error("cannot remove migrations of " + e.getKey() + ": " + x.getMessage(), x);
                }
            }
            return Status.OK_STATUS;
        }).schedule();
        return null;
    }
}
