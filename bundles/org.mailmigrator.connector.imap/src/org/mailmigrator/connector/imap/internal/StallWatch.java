package org.mailmigrator.connector.imap.internal;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.mailmigrator.core.spi.ConnectorException;

/**
 * The watchdog of one IMAP connection: while a read or a write is under way, it checks once a second that a byte
 * moved (either way) within the stall limit; when none did, it closes the connection, and the blocked command
 * fails with {@link Stalled}. A slow link that still moves bytes, or a big message, is never stopped; a server or
 * a network that stops answering in the middle of a command is, after the limit rather than forever (a blocked
 * write has no timeout of its own, and the server's idle timeout can be far away or never come).
 */
final class StallWatch {
    /** The default stall limit; the account setting {@code stallSeconds} changes it. */
    static final int DEFAULT_SECONDS = 120;
    private static final String MARK = "no data moved for ";

    /** One daemon thread ticks for every connection of the process: the checks are a few comparisons. */
    private static final ScheduledExecutorService TICKS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "imap-stall-watch");
        t.setDaemon(true);
        return t;
    });

    private final int seconds;
    private final AtomicInteger busy = new AtomicInteger();
    private volatile long lastNanos = System.nanoTime();
    private volatile boolean stalled;
    private Socket socket;
    private ScheduledFuture<?> tick;

    /** A read or write made no progress for the stall limit: the connection was ended. Retried by the engine. */
    static final class Stalled extends SocketTimeoutException {
        private static final long serialVersionUID = 1L;

        Stalled(int seconds) {
            super(MARK + seconds + " s");
        }
    }

    StallWatch(int seconds) {
        this.seconds = seconds;
    }

    /** Watches this socket (the real one, which a stall closes) from now until {@link #closed()}. */
    synchronized WatchedSocket watch(Socket real) {
        socket = real;
        tick = TICKS.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
        return new WatchedSocket(real, this);
    }

    int millis() {
        return seconds * 1000;
    }

    void begin() {
        if (busy.getAndIncrement() == 0) {
            lastNanos = System.nanoTime(); // the clock starts with the step's first read or write
        }
    }

    void moved() {
        lastNanos = System.nanoTime();
    }

    void end() {
        busy.decrementAndGet();
    }

    /** A read timeout (no byte within the limit) or a read/write ended by {@link #check()} becomes {@link Stalled}. */
    IOException translate(IOException e) {
        if (e instanceof GreetingSockets.NoGreeting || e instanceof Stalled) {
            return e;
        }
        if (stalled || e instanceof SocketTimeoutException) {
            stalled = true;
            Stalled s = new Stalled(seconds);
            s.initCause(e);
            return s;
        }
        return e;
    }

    private void check() {
        if (busy.get() > 0 && System.nanoTime() - lastNanos > TimeUnit.SECONDS.toNanos(seconds)) {
            stalled = true;
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all the watchdog can do; the blocked call fails either way
            }
            closed();
        }
    }

    synchronized void closed() {
        if (tick != null) {
            tick.cancel(false);
        }
    }

    /** The stall limit of an account: its {@code stallSeconds} setting (5 to 3600), else the default. */
    static int seconds(String setting) throws ConnectorException.AccountFailure {
        if (setting == null || setting.isBlank()) {
            return DEFAULT_SECONDS;
        }
        try {
            int s = Integer.parseInt(setting.trim());
            if (s >= 1 && s <= 3600) {
                return s;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ConnectorException.AccountFailure("IMAP account: setting 'stallSeconds' is '" + setting.trim()
                + "'; expected a number of seconds from 1 to 3600", ConnectorException.AccountFailure.Reason.CONFIGURATION,
                null);
    }

    /**
     * The failure of a step whose connection stalled, naming the step (command, folder, account), or null when
     * the failure was not a stall. Angus keeps only the text of the cause, so the text is what is recognised.
     */
    static ConnectorException failure(String what, Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            String text = String.valueOf(c.getMessage());
            int at = text.indexOf(MARK);
            if (at >= 0) {
                String limit = text.substring(at + MARK.length()).replaceAll("(?s)^(\\d+ s).*$", "$1");
                return new ConnectorException.TransientFailure(what + ": stalled, no data moved for " + limit
                        + " (the stall limit, setting stallSeconds); the connection was ended and the step will be retried", e);
            }
            if (c instanceof jakarta.mail.MessagingException m && m.getNextException() != null
                    && m.getNextException() != c.getCause()) {
                ConnectorException next = failure(what, m.getNextException());
                if (next != null) {
                    return next;
                }
            }
        }
        return null;
    }
}
