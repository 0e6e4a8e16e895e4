package org.mailmigrator.cli.internal.batch;

import java.util.concurrent.Callable;

import org.mailmigrator.batch.workspace.BatchWorkspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code batch purge NAME}: deletes the batch, its stored passwords and the engine state of its pairs, through
 * the workspace service: migrations of the batch running in this process are stopped first (none writes its
 * state again after the delete). A run in another process holds the store: the purge then says which one.
 */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = "Deletes a batch with its encrypted passwords, statuses, skipped items and per-pair state.")
public final class PurgeCommand implements Callable<Integer> {
    @ParentCommand
    BatchCommand parent;
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOptions ws;
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() throws Exception {
        try (BatchWorkspace w = ws.open(parent.service)) {
            if (w.store().batch(name).isEmpty()) {
                spec.commandLine().getErr().println("mailmigrator batch purge: no batch named '" + name + "'");
                return BatchExitCodes.USAGE;
            }
            int stopped = w.purge(name);
            if (stopped > 0) {
                spec.commandLine().getOut().println("stopped " + stopped + " migration(s) of " + name
                        + " that were running or queued");
            }
        }
        spec.commandLine().getOut().println("purged batch " + name + ": passwords, statuses, reports data and state deleted");
        spec.commandLine().getOut().flush();
        return BatchExitCodes.OK;
    }
}
