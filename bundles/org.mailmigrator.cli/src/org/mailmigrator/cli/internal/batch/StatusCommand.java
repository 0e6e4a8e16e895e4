package org.mailmigrator.cli.internal.batch;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.Labels;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.jobs.MigrationProgress;
import org.mailmigrator.batch.jobs.StatusFile;
import org.mailmigrator.batch.report.PassHistory;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.workspace.BatchWorkspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code batch status NAME}: one row per migration from the store or, while another process runs the
 * batch and holds the store, from the snapshot file it publishes ({@link StatusFile}); {@code --watch S}
 * repeats the table every S seconds until no migration is active.
 */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Shows one row per migration of a batch.")
public final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    BatchCommand parent;
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOptions ws;
    @Parameters(index = "0", paramLabel = "NAME", arity = "0..1", description = "a batch (none: list the batches)")
    String name;
    @Option(names = "--watch", paramLabel = "S", description = "repeat every S seconds while migrations are active")
    Integer watch;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        while (true) {
            boolean active;
            BatchWorkspace opened;
            try {
                opened = ws.openToRead(parent.service);
            } catch (BatchStoreException locked) {
                // another process runs a batch and holds the database: show the snapshot it publishes
                // (a database is never held by another process: its failure is said as it is)
                Optional<BatchProgress> live = name == null || ws.store.given() ? Optional.empty()
                        : StatusFile.read(ws.workspace(), name);
                if (live.isEmpty()) {
                    err.println("mailmigrator batch status: " + locked.getMessage());
                    return BatchExitCodes.INVALID;
                }
                out.println("(live snapshot of " + live.get().at() + " from the process running the batch)");
                StatusTable.print(out, live.get());
                active = live.get().migrations().stream().anyMatch(m -> m.status().active());
                if (watch == null || !active) {
                    return BatchExitCodes.OK;
                }
                Thread.sleep(watch * 1000L);
                continue;
            }
            try (BatchWorkspace held = opened) {
                BatchStore store = held.store();
                if (name == null) {
                    store.names().forEach(out::println);
                    out.flush();
                    return BatchExitCodes.OK;
                }
                Optional<BatchSpec> batch = store.batch(name);
                if (batch.isEmpty()) {
                    err.println("mailmigrator batch status: no batch named '" + name + "'");
                    return BatchExitCodes.USAGE;
                }
                List<MigrationState> states = store.states(name);
                StatusTable.print(out, progress(batch.get(), states, org.mailmigrator.batch.jobs.ConnectorFactory.of(held.connectors())));
                // a shared store (--store): which process, on which machine, runs which row now
                store.claims().holders(name).forEach((id, h) -> out.println(id + ": running on " + h.worker()));
                for (var m : batch.get().migrations()) { // the last pass's warnings: they cost no message
                    PassHistory.read(store, ws.workspace(), name, m.id()).warnings()
                            .forEach(w -> out.println(m.id() + ": warning: " + w));
                }
                active = states.stream().anyMatch(s -> s.status().active());
            }
            if (watch == null || !active) {
                return BatchExitCodes.OK;
            }
            Thread.sleep(watch * 1000L);
            out.println();
        }
    }

    /** The stored states as the same rows the live table shows (counts of the last completed pass). */
    static BatchProgress progress(BatchSpec batch, List<MigrationState> states,
            org.mailmigrator.batch.jobs.ConnectorFactory connectors) {
        Instant now = Instant.now();
        List<MigrationProgress> rows = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            var m = batch.migrations().get(i);
            MigrationState s = states.get(i);
            rows.add(new MigrationProgress(m.id(), Labels.account(m.source(), connectors), Labels.account(m.destination(), connectors), s.status(),
                    s.inStatus(now), s.status().label(), 0, 0, s.copied(), 0, s.bytes(), 0, 0, 0, Optional.empty(),
                    s.skipped(), s.lastError(), s.lastSync()));
        }
        return new BatchProgress(batch.name(), now, rows);
    }
}
