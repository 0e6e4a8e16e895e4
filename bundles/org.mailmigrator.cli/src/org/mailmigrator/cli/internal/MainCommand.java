package org.mailmigrator.cli.internal;

import org.mailmigrator.cli.internal.detect.DetectCommand;
import org.mailmigrator.core.connector.ConnectorRegistry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mailmigrator}: the top-level command; subcommands do the work. */
@Command(name = "mailmigrator", mixinStandardHelpOptions = true, versionProvider = BundleVersion.class,
        subcommands = { DetectCommand.class },
        description = "Migrates mail, calendars and contacts between providers, one account or a whole organisation.",
        footer = { "", "With no command, ./mailmigrator opens the workbench.",
                "Exit codes: 0 success, 2 wrong command line; the others depend on the command (migrate 3-8, "
                        + "batch 1 and 6-9, detect 1): see 'mailmigrator COMMAND --help' and docs/cli-exit-codes.md." })
public final class MainCommand implements Runnable {
    private final ConnectorRegistry registry;

    @Spec
    private CommandSpec spec;

    public MainCommand(ConnectorRegistry registry) {
        this.registry = registry;
    }

    @Command(name = "connectors", description = "Lists the installed connectors with their roles, item kinds and settings.")
    int connectors() {
        return new ConnectorsTable(registry).print(spec.commandLine().getOut());
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: try 'mailmigrator --help'");
    }
}
