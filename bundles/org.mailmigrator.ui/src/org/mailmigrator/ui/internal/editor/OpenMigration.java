package org.mailmigrator.ui.internal.editor;

import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;

/** Opens (or brings to the front) the editor of one migration. */
public final class OpenMigration {
    private OpenMigration() {
    }

    public static MigrationEditor open(IWorkbenchPage page, String batch, String migrationId, String label)
            throws PartInitException {
        // the Migrations perspective starts with the editor area hidden: the views have the room until now
        page.setEditorAreaVisible(true);
        IEditorPart part = page.openEditor(new MigrationEditorInput(batch, migrationId, label), MigrationEditor.ID);
        return (MigrationEditor) part;
    }
}
