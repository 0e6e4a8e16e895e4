package org.mailmigrator.demo.tests;

import org.mailmigrator.batch.workspace.WorkspaceService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** The workspace service as the workbench and the command line get it: from the OSGi service registry. */
final class Workspaces {
    private Workspaces() {
    }

    static WorkspaceService service() {
        BundleContext context = FrameworkUtil.getBundle(WorkspaceService.class).getBundleContext();
        ServiceReference<WorkspaceService> ref = context.getServiceReference(WorkspaceService.class);
        if (ref == null) {
            throw new IllegalStateException("no workspace service in the OSGi registry");
        }
        return context.getService(ref);
    }
}
