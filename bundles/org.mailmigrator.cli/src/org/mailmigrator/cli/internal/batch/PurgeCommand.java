package org.mailmigrator.cli.internal.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.mailmigrator.batch.store.BatchStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code batch purge NAME}: deletes the batch, its stored passwords and the engine state of its pairs. */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = "Deletes a batch with its encrypted passwords, statuses, skipped items and per-pair state.")
public final class PurgeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOptions ws;
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() throws Exception {
        try (BatchStore store = ws.store(false)) {
            if (store.batch(name).isEmpty()) {
                spec.commandLine().getErr().println("mailmigrator batch purge: no batch named '" + name + "'");
                return BatchExitCodes.USAGE;
            }
            store.purge(name);
        }
        deleteTree(ws.workspace().stateDir(name));
        spec.commandLine().getOut().println("purged batch " + name + ": passwords, statuses, reports data and state deleted");
        spec.commandLine().getOut().flush();
        return BatchExitCodes.OK;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
