package org.mailmigrator.cli;

import java.io.PrintWriter;
import java.util.Set;

import org.mailmigrator.batch.workspace.WorkspaceService;
import org.mailmigrator.cli.internal.MainCommand;
import org.mailmigrator.cli.internal.batch.BatchCommand;
import org.mailmigrator.cli.internal.batch.DemoCommand;
import org.mailmigrator.cli.internal.migrate.MigrateCommand;
import org.mailmigrator.core.connector.ConnectorRegistry;

import picocli.CommandLine;

/**
 * Entry point shared by the headless application and the tests: parse, run, return the exit code. The
 * workspace service comes from the OSGi service registry; a command that runs while another (or the workbench)
 * holds the same workspace in this process shares its store and jobs.
 */
public final class Cli {

    private static final Set<String> SUBCOMMANDS = Set.of("migrate", "batch", "demo", "worker");
    /** Arguments that the top-level command answers itself. */
    private static final Set<String> MAIN_ONLY = Set.of("--version", "-V", "detect", "connectors");

    private Cli() {
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        try (WorkspaceServiceLookup lookup = new WorkspaceServiceLookup()) {
            return run(lookup.service(), args, out, err);
        }
    }

    /** Runs a command on this workspace service (its connector registry, its open workspaces). */
    public static int run(WorkspaceService workspaces, String[] args, PrintWriter out, PrintWriter err) {
        ConnectorRegistry registry = workspaces.connectors();
        CommandLine cli = new CommandLine(new MainCommand(registry));
        // picocli reads each command's annotations when it is added (batch alone has a dozen subcommands): a
        // command line that names one command gets only that one, --version and the top-level commands none;
        // any other (help, a typo: picocli suggests the nearest name) all of them
        String first = args.length == 0 ? "" : args[0];
        boolean all = !SUBCOMMANDS.contains(first) && !MAIN_ONLY.contains(first);
        if (all || first.equals("migrate")) {
            cli.addSubcommand("migrate", new MigrateCommand(registry, workspaces.presets()));
        }
        if (all || first.equals("batch")) {
            cli.addSubcommand("batch", new BatchCommand(workspaces));
        }
        if (all || first.equals("worker")) {
            cli.addSubcommand("worker", new org.mailmigrator.cli.internal.batch.WorkerCommand(workspaces));
        }
        if (all || first.equals("demo")) {
            cli.addSubcommand("demo", new DemoCommand(workspaces));
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(new OneLineFailure());
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
