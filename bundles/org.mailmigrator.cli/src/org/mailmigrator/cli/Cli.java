package org.mailmigrator.cli;

import java.io.PrintWriter;

import org.mailmigrator.cli.internal.MainCommand;
import org.mailmigrator.cli.internal.batch.BatchCommand;
import org.mailmigrator.cli.internal.batch.DemoCommand;
import org.mailmigrator.cli.internal.migrate.MigrateCommand;
import org.mailmigrator.core.connector.ConnectorRegistry;

import picocli.CommandLine;

/** Entry point shared by the headless application and the tests: parse, run, return the exit code. */
public final class Cli {

    private Cli() {
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        var registry = ConnectorRegistry.fromPlatform();
        CommandLine cli = new CommandLine(new MainCommand(registry));
        cli.addSubcommand("migrate", new MigrateCommand(registry));
        cli.addSubcommand("batch", new BatchCommand(registry));
        cli.addSubcommand("demo", new DemoCommand(registry));
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
