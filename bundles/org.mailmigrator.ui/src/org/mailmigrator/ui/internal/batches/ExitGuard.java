package org.mailmigrator.ui.internal.batches;

import java.time.Duration;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchListener;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * File > Exit (or closing the window) while migrations run asks first: stop now (they stop between two
 * messages, are shown Interrupted and offered for resuming at the next start), let them finish (the workbench
 * closes by itself after the last one), or cancel. Registered by the application, not by the UI bundle, so that
 * a test harness closing its workbench is never asked.
 */
public final class ExitGuard implements IWorkbenchListener {
    public static final String TITLE = "Migrations are running";
    public static final String STOP_NOW = "Stop now";
    public static final String LET_FINISH = "Let them finish";
    public static final String CANCEL = "Cancel";

    /** What the person chose. */
    public enum Choice {
        STOP_NOW, LET_FINISH, CANCEL
    }

    private final BatchSession session;
    private volatile boolean waiting;

    public ExitGuard(BatchSession session) {
        this.session = session;
    }

    @Override
    public boolean preShutdown(IWorkbench workbench, boolean forced) {
        int running = session.workspace().manager().activeJobs();
        if (forced || running == 0) {
            return true;
        }
        if (waiting) {
            return false;  // already waiting for them: a second Exit changes nothing
        }
        return switch (ask(workbench.getActiveWorkbenchWindow() == null ? null : workbench.getActiveWorkbenchWindow().getShell(), running)) {
            case STOP_NOW -> true;  // BatchSession.close() stops them; they are stored Interrupted
            case LET_FINISH -> {
                closeWhenDone(workbench);
                yield false;
            }
            case CANCEL -> false;
        };
    }

    @Override
    public void postShutdown(IWorkbench workbench) {
        // the session closes itself (BatchSessionFactory)
    }

    /** The question; public for tests, which answer it through the dialog's buttons. */
    public static Choice ask(Shell parent, int running) {
        MessageDialog d = new MessageDialog(parent, TITLE, null, running + " migration(s) are running or waiting to run.\n\n"
                + STOP_NOW + ": they stop between two messages, are shown Interrupted, and the next start offers to resume "
                + "them where they stood.\n" + LET_FINISH + ": the workbench closes by itself when the last one ends.\n"
                + CANCEL + ": keep working.", MessageDialog.WARNING, 2, STOP_NOW, LET_FINISH, CANCEL);
        return switch (d.open()) {
            case 0 -> Choice.STOP_NOW;
            case 1 -> Choice.LET_FINISH;
            default -> Choice.CANCEL;
        };
    }

    private void closeWhenDone(IWorkbench workbench) {
        waiting = true;
        Display display = workbench.getDisplay();
        Job wait = Job.create("Waiting for the running migrations before closing", monitor -> {
            try {
                while (!monitor.isCanceled() && !session.workspace().manager().joinAll(Duration.ofSeconds(1))) {
                    // one second at a time, so that cancelling this job in the Progress view keeps the workbench open
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            waiting = false;
            if (!monitor.isCanceled() && !display.isDisposed()) {
                display.asyncExec(workbench::close);
            }
            return Status.OK_STATUS;
        });
        wait.schedule();
    }
}
