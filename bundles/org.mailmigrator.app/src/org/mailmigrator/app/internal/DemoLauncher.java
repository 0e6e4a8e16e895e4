package org.mailmigrator.app.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.jobs.Selection;
import org.mailmigrator.demo.Demo;
import org.mailmigrator.ui.UiIds;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.internal.batches.MigrationsView;

/**
 * Opens the demo batch in the workbench: starts the demo's IMAP servers (replacing those of an earlier
 * demo in this process), replaces the stored batch "demo" (only if a demo made it), and starts it with the
 * workbench's run settings; the demo accounts carry their own permission for plaintext, for their loopback
 * servers only. One demo per process; its servers stop when the workbench shuts down.
 */
final class DemoLauncher {
    private static final AtomicReference<Demo> RUNNING = new AtomicReference<>();
    private static boolean stopOnShutdown;

    private DemoLauncher() {
    }

    static void open(IWorkbenchWindow window) {
        IWorkbench workbench = window.getWorkbench();
        BatchSession session = workbench.getService(BatchSession.class);
        Display display = workbench.getDisplay();
        stopServersOnShutdown(workbench);
        Job job = Job.create("Open the demo batch", monitor -> {
            synchronized (RUNNING) { // a second click waits for the first demo instead of racing it
                return replaceAndStart(window, session, display);
            }
        });
        job.schedule();
    }

    private static IStatus replaceAndStart(IWorkbenchWindow window, BatchSession session, Display display) {
        try {
            var existing = session.workspace().store().batch(Demo.BATCH);
            if (existing.isPresent() && !Demo.isDemo(existing.get())) {
                throw new IllegalStateException("a batch named '" + Demo.BATCH
                        + "' exists and was not made by the demo: rename or purge it first");
            }
            if (existing.isPresent()) {
                session.workspace().purge(Demo.BATCH);
            }
            Demo previous = RUNNING.getAndSet(null);
            if (previous != null) {
                previous.close();
            }
            Demo demo = Demo.start();
            RUNNING.set(demo);
            BatchSpec spec = session.workspace().importBatch(Demo.BATCH, demo.pairs(), false,
                    new org.mailmigrator.batch.workspace.BatchDefaults(Demo.PARALLEL, Demo.PER_HOST),
                    java.util.Optional.empty(), java.util.Optional.empty());
            session.workspace().manager().start(Demo.BATCH, Selection.PENDING, List.of(), session.runSettings());
            display.asyncExec(() -> showMigrations(window));
            return new Status(IStatus.OK, "org.mailmigrator.app", "demo batch started: " + spec.migrations().size()
                    + " migrations between the " + demo.describe());
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            display.asyncExec(() -> MessageDialog.openError(window.getShell(), "Open Demo Batch",
                    "The demo batch could not be opened: " + why));
            return Status.CANCEL_STATUS;
        }
    }

    /**
     * Shows the demo's rows in the Migrations view with the first one selected, so that the Details view
     * below follows a migration live (its folders, log and skipped items) from the first second.
     */
    private static void showMigrations(IWorkbenchWindow window) {
        if (window.getShell() == null || window.getShell().isDisposed() || window.getActivePage() == null) {
            return;
        }
        try {
            if (window.getActivePage().showView(UiIds.VIEW_MIGRATIONS) instanceof MigrationsView view) {
                view.showBatches(List.of(Demo.BATCH));
                view.selectRow(0);
            }
            window.getActivePage().showView(UiIds.VIEW_DETAILS, null, IWorkbenchPage.VIEW_VISIBLE);
        } catch (PartInitException e) {
            // the batch runs anyway; the Batches view shows it
        }
    }

    /**
     * When the display goes, after the workbench shut down and the batch session cancelled its jobs (so the
     * migrations of the demo are not failed by their servers vanishing first).
     */
    private static synchronized void stopServersOnShutdown(IWorkbench workbench) {
        if (stopOnShutdown) {
            return;
        }
        stopOnShutdown = true;
        workbench.getDisplay().disposeExec(() -> {
            Demo demo = RUNNING.getAndSet(null);
            if (demo != null) {
                demo.close();
            }
        });
    }
}
