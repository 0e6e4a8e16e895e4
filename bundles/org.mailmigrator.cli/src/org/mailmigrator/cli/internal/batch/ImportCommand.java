package org.mailmigrator.cli.internal.batch;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.mailmigrator.batch.workspace.BatchDefaults;
import org.mailmigrator.batch.workspace.BatchWorkspace;
import org.mailmigrator.cli.internal.Arguments;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code batch import FILE.csv}: validates every row, then stores the batch with its passwords encrypted. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Reads an OMM template, an imapsync file.txt, an Exchange Online CSV or a native CSV; "
                + "reports every problem with line and column; stores nothing unless the file is clean "
                + "(or --skip-bad-rows).")
public final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    BatchCommand parent;
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOptions ws;
    @Mixin
    ImportArgs args;
    @Parameters(index = "0", paramLabel = "FILE.csv")
    Path file;
    @Option(names = "--parallel", paramLabel = "N", defaultValue = "" + BatchDefaults.CONCURRENCY,
            description = "migrations at once (default ${DEFAULT-VALUE}; with --store, over every process and worker)")
    int parallel;
    @Option(names = "--per-host", paramLabel = "N", defaultValue = "" + BatchDefaults.PER_HOST,
            description = "connections per server host at most (default ${DEFAULT-VALUE})")
    int perHost;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Arguments.atLeastOne("--parallel", parallel);
            Arguments.atLeastOne("--per-host", perHost);
            ImportArgs.checkFile(file);
            try (BatchWorkspace w = ws.open(parent.service)) {
                w.vault(true);
                return args.run(file, w, new BatchDefaults(parallel, perHost), out, err).isPresent()
                        ? BatchExitCodes.OK : BatchExitCodes.INVALID;
            }
        } catch (IllegalArgumentException e) {
            err.println("mailmigrator batch import: " + e.getMessage());
            return BatchExitCodes.USAGE;
        } catch (Exception e) {
            err.println("mailmigrator batch import: " + e.getMessage());
            return BatchExitCodes.INVALID;
        }
    }
}
