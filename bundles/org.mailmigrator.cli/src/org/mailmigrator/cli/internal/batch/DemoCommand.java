package org.mailmigrator.cli.internal.batch;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.jobs.BatchManager;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.batch.jobs.Selection;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.workspace.BatchDefaults;
import org.mailmigrator.batch.workspace.BatchWorkspace;
import org.mailmigrator.batch.workspace.WorkspaceService;
import org.mailmigrator.demo.Demo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: the demo batch without a window. Starts the demo's IMAP servers inside this process, replaces
 * the batch "demo" of the workspace (only one a demo made), runs it with the default run settings (the demo
 * accounts alone allow plaintext, to their loopback servers) and prints the final table; the servers stop
 * when the command ends.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Starts two IMAP servers inside this process with sample mailboxes, runs the batch 'demo' "
                + "between them and prints its status. Nothing to install; the servers stop when it ends.")
public final class DemoCommand implements Callable<Integer> {
    private final WorkspaceService service;
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOptions ws;

    public DemoCommand(WorkspaceService service) {
        this.service = service;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (BatchWorkspace w = ws.open(service)) {
            w.vault(true);
            BatchStore store = w.store();
            Optional<BatchSpec> old = store.batch(Demo.BATCH);
            if (old.isPresent() && !Demo.isDemo(old.get())) {
                err.println("mailmigrator demo: the workspace has a batch named '" + Demo.BATCH
                        + "' that the demo did not make; purge or rename it first");
                return BatchExitCodes.USAGE;
            }
            if (old.isPresent()) {
                w.purge(Demo.BATCH);
            }
            try (Demo demo = Demo.start()) {
                BatchManager manager = w.manager();
                err.println("mailmigrator demo: " + demo.describe());
                err.flush();
                w.importBatch(Demo.BATCH, demo.pairs(), false, new BatchDefaults(Demo.PARALLEL, Demo.PER_HOST),
                        Optional.empty(), Optional.empty());
                manager.start(Demo.BATCH, Selection.PENDING, List.of(), RunSettings.defaults());
                manager.join(Demo.BATCH, Duration.ofMinutes(30));
                StatusTable.print(out, manager.snapshot(Demo.BATCH));
                return BatchExitCodes.of(store.states(Demo.BATCH).stream().map(s -> s.status()).toList());
            }
        }
    }
}
