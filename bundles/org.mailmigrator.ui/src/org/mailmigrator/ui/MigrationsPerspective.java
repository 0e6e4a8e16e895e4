package org.mailmigrator.ui;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The "Migrations" perspective: the administrator's home. */
public final class MigrationsPerspective implements IPerspectiveFactory {

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        layout.addView(UiIds.VIEW_CONNECTORS, IPageLayout.TOP, 0.7f, layout.getEditorArea());
        layout.addShowViewShortcut(UiIds.VIEW_CONNECTORS);
        layout.addShowViewShortcut(IPageLayout.ID_PROGRESS_VIEW);
    }
}
