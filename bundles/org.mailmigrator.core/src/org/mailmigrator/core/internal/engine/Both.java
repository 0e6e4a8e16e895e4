package org.mailmigrator.core.internal.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.StateException;

/**
 * Two steps at once, one on the source's connection and one on the destination's: over a network each is a
 * round trip, so doing them together costs one instead of two. The second step runs on a thread of the run's
 * own pool (made when first needed, reused for every later pair of steps of the run: a thread start per pair
 * of steps was ~270 thread starts in a 4k-message copy); when this returns both have ended (no connection is
 * left in use), and the first failure is thrown (the first step's before the second's, unless the second is a throttling
 * answer asking a longer wait; the other is attached to it, suppressed). {@link #close()} ends
 * the pool's threads; an idle one ends by itself after 30 s.
 */
final class Both implements AutoCloseable {
    /** A step that may fail as a connector or the state store fails. */
    interface Step<T> {
        T get() throws ConnectorException, StateException;
    }

    /** Both results. */
    record Results<A, B>(A first, B second) {
    }

    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "mailmigrator-both");
                t.setDaemon(true);
                return t;
            });

    <A, B> Results<A, B> of(Step<A> first, Step<B> second) throws ConnectorException, StateException {
        FutureTask<B> other = new FutureTask<>(second::get);
        try {
            pool.execute(other);
        } catch (RejectedExecutionException e) { // closed: the step still runs beside the first, on a thread of its own
            Thread t = new Thread(other, "mailmigrator-both");
            t.setDaemon(true);
            t.start();
        }
        A a;
        try {
            a = first.get();
        } catch (ConnectorException e) {
            await(other);
            throw together(e, other);
        } finally {
            await(other);
        }
        return new Results<>(a, result(other));
    }

    /**
     * The first step's failure when the other failed too, each said by the one thrown ({@code getSuppressed}): of two
     * throttling answers (both sides slowed down at once) the one asking the longer wait, so that it is honoured.
     */
    private static ConnectorException together(ConnectorException first, Future<?> other) {
        ConnectorException second;
        try {
            result(other);
            return first;
        } catch (ConnectorException e) {
            second = e;
        } catch (StateException | RuntimeException e) {
            first.addSuppressed(e);
            return first;
        }
        boolean longer = second instanceof ConnectorException.Throttled t2
                && (!(first instanceof ConnectorException.Throttled t1) || t2.backOffMillis() > t1.backOffMillis());
        ConnectorException thrown = longer ? second : first;
        thrown.addSuppressed(longer ? first : second);
        return thrown;
    }

    /** Runs both, for their effect only. */
    void run(Step<?> first, Step<?> second) throws ConnectorException, StateException {
        of(first, second);
    }

    @Override
    public void close() {
        pool.shutdown();
    }

    /** Waits for the other step whatever happens: it holds a connection. An interrupt is kept for the caller. */
    static void await(Future<?> task) {
        boolean interrupted = false;
        while (true) {
            try {
                task.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                break; // ended: its failure is read by result()
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The result of a task whose thread has ended (FutureTask.get of a done task does not wait). */
    static <T> T result(Future<T> task) throws ConnectorException, StateException {
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
