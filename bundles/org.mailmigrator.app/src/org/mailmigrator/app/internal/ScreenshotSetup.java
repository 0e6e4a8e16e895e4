package org.mailmigrator.app.internal;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.mailmigrator.ui.UiIds;
import org.mailmigrator.ui.internal.batches.BatchSummary;
import org.mailmigrator.ui.internal.batches.BatchesView;
import org.mailmigrator.ui.internal.batches.MigrationsView;

/**
 * Start-up options of releng/screenshots.sh (through MAILMIGRATOR_VMARGS): {@code -Dmailmigrator.showView=ID}
 * brings a view to the front ({@code -Dmailmigrator.maximizeView=true}: maximized); {@code -Dmailmigrator.selectBatch=NAME} selects that batch and its first
 * migration, so that the Details view shows it (its error pane for a failed row); {@code -Dmailmigrator.startBatch=true}
 * then starts that batch as its Start batch button would (the certificate question's screen). Nothing happens
 * without them.
 */
final class ScreenshotSetup {
    private ScreenshotSetup() {
    }

    static void apply(IWorkbenchWindow window) {
        String view = System.getProperty("mailmigrator.showView");
        String batch = System.getProperty("mailmigrator.selectBatch");
        if (view == null && batch == null) {
            return;
        }
        // the demo selects its first migration (and the Details view comes forward) once its servers run: later
        int delay = Boolean.getBoolean("mailmigrator.demo") ? 8000 : 1500;
        window.getShell().getDisplay().timerExec(delay, () -> {
            var page = window.getActivePage();
            try {
                if (batch != null) {
                    BatchesView batches = (BatchesView) page.showView(UiIds.VIEW_BATCHES);
                    batches.viewer().getTable().getDisplay().readAndDispatch();
                    for (var item : batches.viewer().getTable().getItems()) {
                        if (item.getData() instanceof BatchSummary b && b.name().equals(batch)) {
                            batches.viewer().setSelection(new StructuredSelection(b), true);
                        }
                    }
                    MigrationsView migrations = (MigrationsView) page.showView(UiIds.VIEW_MIGRATIONS);
                    migrations.selectRow(0);
                    if (Boolean.getBoolean("mailmigrator.startBatch")) {
                        var session = window.getService(org.mailmigrator.ui.batches.BatchSession.class);
                        try {
                            session.manager().start(batch, org.mailmigrator.batch.jobs.Selection.PENDING,
                                    java.util.List.of(), session.runSettings());
                        } catch (Exception e) {
                            System.err.println("mailmigrator: cannot start " + batch + ": " + e.getMessage());
                        }
                    }
                }
                if (view != null) {
                    var part = page.showView(view);
                    if (Boolean.getBoolean("mailmigrator.maximizeView")) {
                        page.setPartState(page.getReference(part), org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
                    }
                }
            } catch (PartInitException e) {
                System.err.println("mailmigrator: cannot show " + view + ": " + e.getMessage());
            }
        });
    }
}
