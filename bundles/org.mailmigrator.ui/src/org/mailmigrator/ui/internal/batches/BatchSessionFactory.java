package org.mailmigrator.ui.internal.batches;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchListener;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.services.AbstractServiceFactory;
import org.eclipse.ui.services.IServiceLocator;
import org.mailmigrator.batch.workspace.WorkspaceService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * Provides the {@link BatchSession} of the workbench's workspace through the {@code org.eclipse.ui.services}
 * extension point, on the workspace that the batch bundle's workspace service (Declarative Services) opens:
 * created once, at the top of the locator chain (windows and parts get their parent's), for
 * the same folder the command line uses ({@code $MAILMIGRATOR_WORKSPACE}, else the {@code -data} instance
 * area) with the shared store of {@code $MAILMIGRATOR_STORE} when one is set ({@link StoreAtStart}: a store that
 * cannot be opened is said in a dialog and the folder opens alone), and closed when the workbench shuts down. No static holder: whoever needs it asks its site.
 */
public final class BatchSessionFactory extends AbstractServiceFactory {
    private static final String TITLE = "Mail Migrator Workbench";

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
            WorkspaceService service = workspaceService();
            // the folder, with the shared store of $MAILMIGRATOR_STORE (./mailmigrator --store URL) when it opens
            StoreAtStart.Opened opened = StoreAtStart.open(service, System.getenv());
            org.mailmigrator.batch.workspace.BatchWorkspace ws = opened.workspace();
            Display display = PlatformUI.getWorkbench().getDisplay();
            if (ws.folder().store().isEmpty()
                    && org.mailmigrator.ui.internal.prefs.SecretsPreferencePage.keyInSecureStorage()) {
                // before the session opens the vault: the key comes from secure storage, no key file is made; a
                // keyring that does not answer is told in a dialog and the Error Log, and changes nothing (a shared
                // store's passwords are sealed with the key file every worker is given: $MAILMIGRATOR_SECRETS_KEY)
                org.mailmigrator.ui.internal.prefs.KeyringAtStart.install(ws,
                        org.mailmigrator.ui.internal.prefs.SecureStorageKey::ofDefault, display);
            }
            opened.problem().ifPresent(p -> StoreAtStart.tell(display, p));
            if (ws.folder().store().isPresent() || opened.problem().isPresent()) {
                // the window title says where the batches are (the URL never carries a password)
                String title = TITLE + " \u2014 " + StoreAtStart.where(ws, opened.problem());
                display.asyncExec(() -> java.util.Arrays.stream(PlatformUI.getWorkbench().getWorkbenchWindows())
                        .map(org.eclipse.ui.IWorkbenchWindow::getShell).filter(sh -> sh != null && !sh.isDisposed())
                        .forEach(sh -> sh.setText(title)));
            }
            BatchSession session = new BatchSession(ws, org.eclipse.core.runtime.RegistryFactory.getRegistry());
            closeOnShutdown(session);
            session.addListener(new org.mailmigrator.ui.internal.details.FailureLog());
            org.mailmigrator.ui.internal.prefs.RunPreferences.follow(session);
            session.setCertificateQuestion(new org.mailmigrator.ui.internal.trust.RunCertificateQuestion(
                    PlatformUI.getWorkbench().getDisplay()));
            return session;
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the workspace's batches: " + e.getMessage(), e);
        }
    }

    /** The headless workspace service of the batch bundle (Declarative Services), from the OSGi registry. */
    static WorkspaceService workspaceService() throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(BatchSessionFactory.class).getBundleContext();
        ServiceTracker<WorkspaceService, WorkspaceService> tracker = new ServiceTracker<>(context, WorkspaceService.class, null);
        tracker.open();
        // held for the workbench's life: the service stays while the session uses it
        WorkspaceService service = tracker.waitForService(10_000);
        if (service == null) {
            tracker.close();
            throw new IllegalStateException("the workspace service did not start (is org.apache.felix.scr started?)");
        }
        return service;
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
