package org.mailmigrator.core.internal.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.StateException;

/**
 * Two steps at once, one on the source's connection and one on the destination's: over a network each is a
 * round trip, so doing them together costs one instead of two. The second step runs on a short-lived thread;
 * when this returns both have ended (no connection is left in use), and the first failure is thrown (the
 * first step's before the second's).
 */
final class Both {
    /** A step that may fail as a connector or the state store fails. */
    interface Step<T> {
        T get() throws ConnectorException, StateException;
    }

    /** Both results. */
    record Results<A, B>(A first, B second) {
    }

    private Both() {
    }

    static <A, B> Results<A, B> of(Step<A> first, Step<B> second) throws ConnectorException, StateException {
        FutureTask<B> other = new FutureTask<>(second::get);
        Thread t = new Thread(other, "mailmigrator-both");
        t.setDaemon(true);
        t.start();
        A a;
        try {
            a = first.get();
        } finally {
            join(t);
        }
        return new Results<>(a, result(other));
    }

    /** Runs both, for their effect only. */
    static void run(Step<?> first, Step<?> second) throws ConnectorException, StateException {
        of(first, second);
    }

    /** Waits for the other step whatever happens: it holds a connection. An interrupt is kept for the caller. */
    static void join(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The result of a task whose thread has ended (FutureTask.get of a done task does not wait). */
    static <T> T result(FutureTask<T> task) throws ConnectorException, StateException {
        try {
            return task.get();
        } catch (InterruptedException e) { // not reached: the task is done
            Thread.currentThread().interrupt();
            throw new ConnectorException.TransientFailure("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof ConnectorException ce) {
                throw ce;
            }
            if (c instanceof StateException se) {
                throw se;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new ConnectorException.TransientFailure(c.toString(), c);
        }
    }
}
