package org.mailmigrator.ui.internal.editor;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * Start-up option for screenshots (see {@code releng/screenshots.sh}): {@code -Dmailmigrator.demo.editor=BATCH}
 * opens the editor of BATCH's first migration, maximized, on its Folder mapping page, and runs Preview. The
 * demonstration servers are private Dovecots on loopback without TLS, so this option also lets the
 * workbench's runs use plaintext on STARTTLS rows (as {@code batch run --allow-plaintext} does); it is never
 * set otherwise.
 */
public final class EditorDemo {
    private EditorDemo() {
    }

    public static void openIfAsked(IWorkbenchPage page, BatchSession session) {
        String batch = System.getProperty("mailmigrator.demo.editor");
        if (batch == null || batch.isBlank()) {
            return;
        }
        try {
            var migration = session.workspace().store().batch(batch).flatMap(b -> b.migrations().stream().findFirst());
            if (migration.isEmpty()) {
                return;
            }
            session.setRunSettings(session.runSettings().withAllowPlaintext(true));
            MigrationEditor editor = OpenMigration.open(page, batch, migration.get().id(),
                    org.mailmigrator.batch.Labels.account(migration.get().source(),
                            org.mailmigrator.batch.jobs.ConnectorFactory.of(session.workspace().connectors())));
            page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_MAXIMIZED);
            editor.setActivePage(FolderMappingPage.ID);
            editor.preview();
        } catch (BatchStoreException | PartInitException e) {
            org.eclipse.core.runtime.ILog.of(EditorDemo.class).error("demo editor: " + e.getMessage(), e);
        }
    }
}
