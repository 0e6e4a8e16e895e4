package org.mailmigrator.cli.internal.batch;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.mailmigrator.batch.report.BatchReport;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.workspace.BatchWorkspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code batch report NAME --out DIR}: JSON, CSV and a summary, per batch and per migration. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes batch.json, migrations.csv, skipped.csv, summary.txt and migrations/ID.{json,txt}.")
public final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    BatchCommand parent;
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOptions ws;
    @Parameters(index = "0", paramLabel = "NAME")
    String name;
    @Option(names = "--out", paramLabel = "DIR", required = true)
    Path out;

    @Override
    public Integer call() throws Exception {
        try (BatchWorkspace w = ws.openToRead(parent.service)) {
            BatchStore store = w.store();
            if (store.batch(name).isEmpty()) {
                spec.commandLine().getErr().println("mailmigrator batch report: no batch named '" + name + "'");
                return BatchExitCodes.USAGE;
            }
            BatchReport r = BatchReport.load(store, ws.workspace(), name, org.mailmigrator.batch.jobs.ConnectorFactory.of(w.connectors()));
            Reports.write(out, r::write);
            spec.commandLine().getOut().print(r.summary());
            spec.commandLine().getOut().println("reports written to " + out);
            spec.commandLine().getOut().flush();
            return BatchExitCodes.OK;
        }
    }
}
