package org.mailmigrator.cli.internal.batch;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.store.RowRequests;
import org.mailmigrator.batch.workspace.BatchWorkspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code batch pause|stop|resume NAME [ROW...]} (docs/postgresql.md, "Driving the fleet"). With {@code --store URL}: a
 * row another process runs is asked of that process ({@link RowRequests}), which stops it between two messages; a
 * row queued for the workers is set Paused or Stopped at once; resume queues the paused and stopped rows for the
 * workers. On a workspace folder: its batches are run by the one process that holds the folder, so a folder held by
 * another process is refused (pause there); otherwise the rows are set Paused or Stopped, or Queued by resume (for
 * the next {@code batch run NAME}).
 */
public abstract class RowControlCommand implements Callable<Integer> {
    @ParentCommand
    BatchCommand parent;
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOptions ws;
    @Parameters(index = "0", paramLabel = "NAME", description = "the batch")
    String name;
    @Parameters(index = "1..*", paramLabel = "ROW", description = "migration ids (none: every row of the batch)")
    List<String> rows = new ArrayList<>();

    /** The command's word in messages. */
    abstract String verb();

    /** Its work on the opened workspace, the batch and the rows found. */
    abstract int act(BatchWorkspace w, PrintWriter out, PrintWriter err) throws Exception;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String me = "mailmigrator batch " + verb() + ": ";
        BatchWorkspace opened;
        try {
            opened = ws.open(parent.service);
        } catch (BatchStoreException e) {
            err.println(me + e.getMessage());
            if (ws.database().isEmpty()) {
                err.println(me + "a workspace folder's batches are run by the one process that holds it: " + verb()
                        + " them there (the workbench's buttons, or Ctrl-C on 'batch run', which leaves its rows "
                        + "Interrupted); only a shared store (--store URL) takes a " + verb() + " from another process");
            }
            return BatchExitCodes.INVALID;
        } catch (IllegalArgumentException e) {
            err.println(me + e.getMessage());
            return BatchExitCodes.USAGE;
        }
        try (BatchWorkspace w = opened) {
            BatchStore store = w.store();
            if (store.batch(name).isEmpty()) {
                err.println(me + "no batch named '" + name + "' in " + ws.where());
                return BatchExitCodes.USAGE;
            }
            List<String> ids = store.states(name).stream().map(MigrationState::migrationId).toList();
            List<String> unknown = rows.stream().filter(r -> !ids.contains(r)).toList();
            if (!unknown.isEmpty()) {
                err.println(me + "batch " + name + " has no row " + String.join(", ", unknown) + " (nothing was changed)");
                return BatchExitCodes.USAGE;
            }
            return act(w, spec.commandLine().getOut(), err);
        } catch (IllegalStateException e) {
            err.println(me + e.getMessage()); // the database away longer than its reconnection window
            return BatchExitCodes.INVALID;
        } finally {
            spec.commandLine().getOut().flush();
            err.flush();
        }
    }

    boolean selected(MigrationState s) {
        return rows.isEmpty() || rows.contains(s.migrationId());
    }

    /** Pause or stop: asked of the processes that run the rows, set at once for the others. */
    public abstract static class Halt extends RowControlCommand {
        private final String verb;
        private final MigrationStatus endIn;

        Halt(String verb, MigrationStatus endIn) {
            this.verb = verb;
            this.endIn = endIn;
        }

        @Option(names = "--wait-seconds", paramLabel = "S", defaultValue = "60",
                description = "wait up to S seconds for the rows other processes run to end their pass (0: return at once; default 60)")
        int waitSeconds;

        @Override
        String verb() {
            return verb;
        }

        MigrationStatus endIn() {
            return endIn;
        }

        @Override
        int act(BatchWorkspace w, PrintWriter out, PrintWriter err) throws Exception {
            String label = endIn().label();
            BatchStore store = w.store();
            if (store.requests().isEmpty()) { // a folder no other process holds: no row runs anywhere
                int set = 0;
                Instant now = Instant.now();
                for (MigrationState s : store.states(name)) {
                    if (selected(s) && RowRequests.reaches(s.status(), endIn())) {
                        store.saveState(name, s.moveTo(endIn(), now, Optional.empty()));
                        set++;
                    }
                }
                out.println("set " + set + " row(s) of " + name + " " + label + " (no process runs this workspace's "
                        + "batches; 'batch run " + name + "' runs them again)");
                return BatchExitCodes.OK;
            }
            RowRequests.Outcome done = endIn() == MigrationStatus.PAUSED ? w.manager().pause(name, rows)
                    : w.manager().stop(name, rows);
            done.asked().forEach((id, holder) -> out.println("asked " + holder + " to " + verb() + " " + name + "/" + id));
            out.println("set " + done.set().size() + " row(s) of " + name + " " + label + " at once (queued, or left by "
                    + "a process that ended); " + done.asked().size() + " asked of the processes running them; "
                    + done.left().size() + " left as they were (synced, failed, paused or stopped)");
            out.flush();
            return waitFor(store, done.asked(), out, err);
        }

        /** Waits until the asked rows ended their pass; prints each row's status then. */
        private int waitFor(BatchStore store, Map<String, String> asked, PrintWriter out, PrintWriter err)
                throws BatchStoreException, InterruptedException {
            if (asked.isEmpty() || waitSeconds <= 0) {
                return BatchExitCodes.OK;
            }
            long until = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
            while (true) {
                List<MigrationState> states = store.states(name).stream()
                        .filter(s -> asked.containsKey(s.migrationId())).toList();
                boolean ended = states.stream().noneMatch(s -> s.status().active());
                if (ended || System.nanoTime() > until) {
                    states.forEach(s -> out.println(name + "/" + s.migrationId() + " " + s.status().label()));
                    if (!ended) {
                        err.println("mailmigrator batch " + verb() + ": rows still running after " + waitSeconds
                                + " s; the request stays: their process acts on it at its next claim renewal");
                        return BatchExitCodes.INTERRUPTED;
                    }
                    return BatchExitCodes.OK;
                }
                Thread.sleep(200);
            }
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pauses rows of a batch (none named: every "
            + "row), wherever they run: with --store, a row another process or worker runs stops between two messages "
            + "within about a second, a queued row is set Paused at once (no worker starts it). 'batch resume' goes on.")
    public static final class Pause extends Halt {
        public Pause() {
            super("pause", MigrationStatus.PAUSED);
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops rows of a batch (none named: every "
            + "row) as pause does, leaving them Stopped (paused rows too). 'batch resume' goes on where they stood.")
    public static final class Stop extends Halt {
        public Stop() {
            super("stop", MigrationStatus.STOPPED);
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Queues the paused and stopped rows of a "
            + "batch (none named: every such row) for the workers (--store: 'mailmigrator worker' takes them); on a "
            + "workspace folder sets them Queued for the next 'batch run NAME'.")
    public static final class Resume extends RowControlCommand {
        @Override
        String verb() {
            return "resume";
        }

        @Override
        int act(BatchWorkspace w, PrintWriter out, PrintWriter err) throws Exception {
            BatchStore store = w.store();
            int queued = QueueForWorkers.queue(store, name, s -> selected(s)
                    && (s.status() == MigrationStatus.PAUSED || s.status() == MigrationStatus.STOPPED));
            if (store.fleet().isPresent()) {
                out.println("queued " + queued + " paused or stopped row(s) of " + name
                        + " for the workers (mailmigrator worker --store …)");
            } else {
                out.println("set " + queued + " paused or stopped row(s) of " + name + " Queued; a workspace folder "
                        + "has no workers: 'mailmigrator batch run " + name + "' runs them");
            }
            return BatchExitCodes.OK;
        }
    }
}
