package org.mailmigrator.connector.imap.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread of a session on which {@link BodyFetch} fetches the next group of bodies while the current one
 * is written: made when first needed and kept for the session's later folders and batches (a thread per batch
 * cost a thread start per 100 messages), ended when the session closes or after 30 s with nothing to do. Tasks
 * run one after another in the order given.
 */
final class Prefetcher {
    private final ThreadPoolExecutor thread;

    Prefetcher() {
        thread = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "mailmigrator-prefetch");
            t.setDaemon(true);
            return t;
        });
        thread.allowCoreThreadTimeOut(true);
    }

    <T> Future<T> submit(Callable<T> task) {
        return thread.submit(task);
    }

    /**
     * Stops {@code pending} (interrupting it if it runs) and waits until it has ended, for at most {@code seconds}:
     * its spool file may be removed then. A task queued after it runs only once it has ended.
     */
    void stop(Future<?> pending, long seconds) throws InterruptedException {
        if (pending == null) {
            return;
        }
        pending.cancel(true);
        try {
            thread.submit(() -> null).get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                | java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile, or still blocked after the wait: the caller goes on as it did with its own thread
        }
    }

    void close() {
        thread.shutdownNow();
    }
}
