package org.mailmigrator.cli.internal.batch;

import org.mailmigrator.batch.workspace.WorkspaceService;
import org.mailmigrator.core.connector.ConnectorRegistry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mailmigrator batch}: many account pairs from a CSV file, run in parallel under limits. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        subcommands = { ImportCommand.class, RunCommand.class, StatusCommand.class, ReportCommand.class,
                ExportCommand.class, PurgeCommand.class, NotifySettingsCommand.class, RowControlCommand.Pause.class,
                RowControlCommand.Stop.class, RowControlCommand.Resume.class },
        description = "Imports, runs, watches, pauses, stops, resumes, reports, exports and purges batches of account pairs "
                + "(with --store URL: wherever their rows run); sets the SMTP server of their notifications.",
        footer = { "", "Exit codes: 0 all synced, 1 CSV problems (nothing imported) or store error (locked, full disk), "
                + "2 wrong command line (also an Exchange CSV without --source-server/--destination-server/"
                + "--destination-password-file), 6 some items skipped, 7 some migrations not finished (paused, stopped, "
                + "interrupted), 8 some migrations failed or another failure, 9 pre-flight found something to fix." })
public final class BatchCommand implements Runnable {
    final WorkspaceService service;
    final ConnectorRegistry registry;

    @Spec
    CommandSpec spec;

    public BatchCommand(WorkspaceService service) {
        this.service = service;
        this.registry = service.connectors();
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: try 'mailmigrator batch --help'");
    }
}
