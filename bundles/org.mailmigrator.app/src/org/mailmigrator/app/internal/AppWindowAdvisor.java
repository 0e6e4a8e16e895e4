package org.mailmigrator.app.internal;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/**
 * Window title, size (maximized: the Migrations view's columns need the width) and bars of the workbench window;
 * once it is open, the exit guard and the offer to resume interrupted migrations.
 */
final class AppWindowAdvisor extends WorkbenchWindowAdvisor {

    AppWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        super(configurer);
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new AppActionBarAdvisor(configurer);
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
        configurer.setInitialSize(new Point(1280, 800));
        configurer.setShowStatusLine(true);
        configurer.setShowProgressIndicator(true);
        configurer.setShowCoolBar(false);
        configurer.setTitle("Mail Migrator Workbench");
        StartupTrace.mark("window about to open");
    }

    @Override
    public void postWindowOpen() {
        StartupTrace.mark("window open");
        var window = getWindowConfigurer().getWindow();
        window.getShell().setMaximized(true);
        var session = window.getWorkbench().getService(org.mailmigrator.ui.batches.BatchSession.class);
        if (session != null) {
            // Exit while migrations run asks first; rows cut off last time are offered for resuming
            window.getWorkbench().addWorkbenchListener(new org.mailmigrator.ui.internal.batches.ExitGuard(session));
            if (!Boolean.getBoolean("mailmigrator.closeAfterStartup")) {
                window.getShell().getDisplay().asyncExec(() -> org.mailmigrator.ui.internal.batches.ResumeOffer
                        .offer(window.getShell(), session));
            }
        }
        ScreenshotSetup.apply(window);
        if (Boolean.getBoolean("mailmigrator.demo")) {
            // ./mailmigrator --demo: the demo batch, started as Help > Open Demo Batch would
            DemoLauncher.open(getWindowConfigurer().getWindow());
        }
        if (Boolean.getBoolean("mailmigrator.closeAfterStartup")) {
            // start-up measurement: close as a user would (so the caches are saved as they are for a user),
            // after long enough for a watcher polling the display to see the window
            var workbench = getWindowConfigurer().getWorkbenchConfigurer().getWorkbench();
            workbench.getDisplay().timerExec(2000, workbench::close);
        }
    }
}
