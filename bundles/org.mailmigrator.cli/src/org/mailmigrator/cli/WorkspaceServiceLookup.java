package org.mailmigrator.cli;

import org.mailmigrator.batch.workspace.WorkspaceService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The workspace service from the OSGi service registry (Declarative Services makes it), held for one command.
 * Waits briefly: the command may be asked for before Service Component Runtime has processed the batch bundle.
 */
final class WorkspaceServiceLookup implements AutoCloseable {
    private static final long WAIT_MS = 10_000;
    private final ServiceTracker<WorkspaceService, WorkspaceService> tracker;
    private final WorkspaceService service;

    WorkspaceServiceLookup() {
        Bundle bundle = FrameworkUtil.getBundle(WorkspaceServiceLookup.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null) {
            throw new IllegalStateException("the workspace service needs the OSGi framework (start mailmigrator "
                    + "through its launcher)");
        }
        tracker = new ServiceTracker<>(context, WorkspaceService.class, null);
        tracker.open();
        try {
            service = tracker.waitForService(WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tracker.close();
            throw new IllegalStateException("interrupted while waiting for the workspace service", e);
        }
        if (service == null) {
            tracker.close();
            throw new IllegalStateException("the workspace service did not start (is the bundle "
                    + "org.apache.felix.scr installed and started?)");
        }
    }

    WorkspaceService service() {
        return service;
    }

    @Override
    public void close() {
        tracker.close();
    }
}
