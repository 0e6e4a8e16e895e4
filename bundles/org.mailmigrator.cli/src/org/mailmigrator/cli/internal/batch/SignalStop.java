package org.mailmigrator.cli.internal.batch;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or SIGTERM of {@code batch run} and {@code worker}, in their shutdown hook: stops the running migrations
 * (stored Interrupted), waits until the command has closed its store, then ends the JVM with exit code 7 after one
 * line saying how to go on — or 0 when nothing was running.
 */
final class SignalStop {
    private SignalStop() {
    }

    /**
     * @param stop stops the rows; true when some were running (exit 7), false when none was (exit 0)
     * @param closed counted down by the command once it closed its store
     */
    static void halt(String command, Callable<Boolean> stop, CountDownLatch closed, PrintWriter out, PrintWriter err,
            String again) {
        boolean interrupted = true;
        try {
            interrupted = stop.call();
            closed.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            err.println(command + ": " + e.getMessage());
        }
        out.flush();
        err.println(command + (interrupted ? ": interrupted, run again to resume (" + again + ")" : ": stopped (no row was running)"));
        err.flush();
        Runtime.getRuntime().halt(interrupted ? BatchExitCodes.INTERRUPTED : BatchExitCodes.OK);
    }
}
