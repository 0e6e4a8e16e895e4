package org.mailmigrator.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.mailmigrator.cli.internal.AotTrainingClasses;
import org.mailmigrator.cli.internal.ServiceLoaderMediator;
import org.osgi.framework.FrameworkUtil;

/** The command-line application: runs one command on the same bundles as the workbench, then exits. */
public final class HeadlessApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS, new String[0]);
        context.applicationRunning();
        AotTrainingClasses.loadWhenTraining(); // the start-up cache's training run only: nothing otherwise
        if (ServiceLoaderMediator.needed(args)) {
            // the headless product installs it without starting it: --version and --help do not need it
            ServiceLoaderMediator.start(FrameworkUtil.getBundle(HeadlessApplication.class).getBundleContext());
        }
        var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        var err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        return Cli.run(args, out, err);
    }

    @Override
    public void stop() {
        // a command runs to its end; interruption is handled by the command itself
    }
}
