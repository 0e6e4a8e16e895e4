package org.mailmigrator.app.internal;

import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.mailmigrator.ui.UiIds;

/** Opens every new workbench on the Migrations perspective. */
final class AppWorkbenchAdvisor extends WorkbenchAdvisor {

    @Override
    public String getInitialWindowPerspectiveId() {
        return UiIds.PERSPECTIVE_MIGRATIONS;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new AppWindowAdvisor(configurer);
    }
}
