package org.mailmigrator.ui.internal.editor;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.swt.widgets.Display;
import org.mailmigrator.batch.preflight.PreflightResult;
import org.mailmigrator.core.engine.FolderPlan;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * The editor's network work, each in a job (a slow server must not freeze the workbench): the pre-flight of
 * "Test connection" and the folder plan of "Preview". Outcomes come back to the editor's header on the UI
 * thread; an editor closed meanwhile is left alone.
 */
final class ProbeJobs {
    /** Family of the editor's jobs, for the Progress view and for tests. */
    static final Object FAMILY = ProbeJobs.class;

    private final BatchSession session;
    private final MigrationEditor editor;
    private final Display display;
    private volatile boolean closed;

    ProbeJobs(BatchSession session, MigrationEditor editor) {
        this.session = session;
        this.editor = editor;
        this.display = Display.getCurrent();
    }

    void preflight(Migration m, Optional<Secret> source, Optional<Secret> destination) {
        editor.message("Testing the connection of both accounts\u2026", IMessageProvider.NONE);
        schedule("Pre-flight of " + m.id(), () -> {
            try {
                PreflightResult r = session.workspace().probe(session.runSettings()).preflight(m, source, destination);
                return () -> editor.message(r.ready() ? "Ready: " + String.join("; ", r.notes())
                        : "To fix: " + String.join("; ", r.fixes()), r.ready() ? IMessageProvider.INFORMATION
                                : IMessageProvider.ERROR);
            } catch (Exception e) {
                return () -> editor.message("Test failed: " + e.getMessage(), IMessageProvider.ERROR);
            }
        });
    }

    void folderPlan(Migration m, Optional<Secret> source, Optional<Secret> destination) {
        editor.message("Listing the folders of both accounts\u2026", IMessageProvider.NONE);
        editor.foldersPage().previewRunning(true);
        schedule("Folder mapping preview of " + m.id(), () -> {
            Runnable outcome;
            try {
                List<FolderPlan> plan = session.workspace().probe(session.runSettings()).folderPlan(m, source, destination);
                long renamed = plan.stream().filter(p -> !p.source().equals(p.destination())).count();
                outcome = () -> {
                    editor.foldersPage().show(plan);
                    editor.message(plan.size() + " folder(s), " + renamed + " renamed", IMessageProvider.INFORMATION);
                };
            } catch (ConnectorException | IllegalArgumentException e) {
                outcome = () -> editor.message("Preview failed: " + e.getMessage(), IMessageProvider.ERROR);
            } catch (Exception e) {
                outcome = () -> editor.message("Preview failed: " + e, IMessageProvider.ERROR);
            }
            Runnable shown = outcome;
            return () -> {
                editor.foldersPage().previewRunning(false);
                shown.run();
            };
        });
    }

    /** Runs {@code work} in a job; what it returns runs on the UI thread unless the editor was closed. */
    private void schedule(String name, Callable<Runnable> work) {
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                Runnable ui;
                try {
                    ui = work.call();
                } catch (Exception e) {
                    ui = () -> editor.message(e.getMessage(), IMessageProvider.ERROR);
                }
                Runnable then = ui;
                if (!display.isDisposed()) {
                    display.asyncExec(() -> {
                        if (!closed) {
                            then.run();
                        }
                    });
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        job.schedule();
    }

    void cancel() {
        closed = true;
    }
}
