package org.mailmigrator.ui;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The "Migrations" perspective, the administrator's home: batches on the left, their migrations beside,
 * the selected migration's details below; the Progress and Error Log views open from Window > Show View. */
public final class MigrationsPerspective implements IPerspectiveFactory {

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editors = layout.getEditorArea();
        layout.addView(UiIds.VIEW_BATCHES, IPageLayout.LEFT, 0.25f, editors);
        layout.addView(UiIds.VIEW_MIGRATIONS, IPageLayout.RIGHT, 0.25f, editors);
        IFolderLayout bottom = layout.createFolder("org.mailmigrator.ui.folders.bottom", IPageLayout.BOTTOM, 0.72f,
                UiIds.VIEW_MIGRATIONS);
        bottom.addView(UiIds.VIEW_DETAILS);
        bottom.addView(UiIds.VIEW_DASHBOARD);
        bottom.addView(UiIds.VIEW_CONNECTORS);
        bottom.addPlaceholder(UiIds.VIEW_PROGRESS);
        bottom.addPlaceholder(UiIds.VIEW_ERROR_LOG);
        layout.addShowViewShortcut(UiIds.VIEW_BATCHES);
        layout.addShowViewShortcut(UiIds.VIEW_MIGRATIONS);
        layout.addShowViewShortcut(UiIds.VIEW_DASHBOARD);
        layout.addShowViewShortcut(UiIds.VIEW_CONNECTORS);
        layout.addShowViewShortcut(UiIds.VIEW_DETAILS);
        layout.addShowViewShortcut(UiIds.VIEW_PROGRESS);
        layout.addShowViewShortcut(UiIds.VIEW_ERROR_LOG);
    }
}
