package org.mailmigrator.ui.internal.batches;

import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchListener;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.services.AbstractServiceFactory;
import org.eclipse.ui.services.IServiceLocator;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * Provides the {@link BatchSession} of the workbench's workspace through the {@code org.eclipse.ui.services}
 * extension point: created once, at the top of the locator chain (windows and parts get their parent's), for
 * the same folder the command line uses ({@code $MAILMIGRATOR_WORKSPACE}, else the {@code -data} instance
 * area), and closed when the workbench shuts down. No static holder: whoever needs it asks its site.
 */
public final class BatchSessionFactory extends AbstractServiceFactory {

    @Override
    public Object create(@SuppressWarnings("rawtypes") Class serviceInterface, IServiceLocator parentLocator,
            IServiceLocator locator) {
        if (serviceInterface != BatchSession.class) {
            return null;
        }
        Object inherited = parentLocator == null ? null : parentLocator.getService(BatchSession.class);
        if (inherited != null) {
            return inherited;
        }
        try {
            BatchSession session = new BatchSession(Workspace.resolve(null, System.getenv()), ConnectorRegistry.fromPlatform());
            closeOnShutdown(session);
            session.addListener(new org.mailmigrator.ui.internal.details.FailureLog());
            session.addListener(new org.mailmigrator.ui.internal.prefs.Notifications(session));
            org.mailmigrator.ui.internal.prefs.RunPreferences.follow(session);
            session.setCertificateQuestion(new org.mailmigrator.ui.internal.trust.RunCertificateQuestion(
                    PlatformUI.getWorkbench().getDisplay()));
            return session;
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the workspace's batches: " + e.getMessage(), e);
        }
    }

    private static void closeOnShutdown(BatchSession session) {
        IWorkbench workbench = PlatformUI.getWorkbench();
        workbench.addWorkbenchListener(new IWorkbenchListener() {
            @Override
            public boolean preShutdown(IWorkbench w, boolean forced) {
                return true;
            }

            @Override
            public void postShutdown(IWorkbench w) {
                session.close();
            }
        });
    }
}
