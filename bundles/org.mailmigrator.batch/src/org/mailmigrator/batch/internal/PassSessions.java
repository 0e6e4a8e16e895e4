package org.mailmigrator.batch.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

import org.mailmigrator.core.engine.SessionFactory;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * The sessions of one side of a pass, each logged in once and handed to the pass's next user when its user is done
 * with it: the pre-flight, the count before the copy, the engine's plan and its workers, the storage asked after a
 * full mailbox, the completeness check. A row used to log in four times a side (five with its pre-flight); a login
 * costs a few round trips, and in Jakarta Mail a session built from the class path (in a batch of 32 small mailboxes
 * a tenth of the process's CPU).
 * <p>
 * A session is handed on only when its connector says it still can be ({@link ConnectorSession#reusable()}, asked
 * just before: IMAP asks the server with a NOOP); else it is closed and a new one opened. Sessions in use stay with
 * their users; {@link #close()} logs out the idle ones, and one given back after that is closed at once. Idle
 * sessions keep the connections they count against a host's limit ({@link HostLimiter}): they are the pass's own.
 */
public final class PassSessions implements SessionFactory, AutoCloseable {
    private final SessionFactory inner;
    private final Deque<ConnectorSession> idle = new ArrayDeque<>();
    private boolean closed;

    public PassSessions(SessionFactory inner) {
        this.inner = inner;
    }

    @Override
    public ConnectorSession open() throws ConnectorException {
        for (ConnectorSession s = take(); s != null; s = take()) {
            boolean good;
            try {
                good = s.reusable();
            } catch (RuntimeException e) {
                good = false;
            }
            if (good) {
                return new Lent(s);
            }
            s.close();
        }
        return new Lent(inner.open());
    }

    private synchronized ConnectorSession take() {
        return idle.pollLast(); // the most recently used: the least likely to have been dropped by the server
    }

    /** Keeps {@code s} for the next user, or false when this pass's sessions are closed already. */
    private synchronized boolean keep(ConnectorSession s) {
        if (closed) {
            return false;
        }
        idle.addLast(s);
        return true;
    }

    @Override
    public void close() {
        Deque<ConnectorSession> left;
        synchronized (this) {
            closed = true;
            left = new ArrayDeque<>(idle);
            idle.clear();
        }
        left.forEach(ConnectorSession::close);
    }

    /** A session lent to one user: closing it gives it back (once). */
    private final class Lent implements ConnectorSession {
        private final ConnectorSession session;
        private boolean back;

        Lent(ConnectorSession session) {
            this.session = session;
        }

        @Override
        public <T> Optional<T> capability(Class<T> type) {
            return session.capability(type);
        }

        @Override
        public boolean reusable() {
            return session.reusable();
        }

        @Override
        public void close() {
            synchronized (this) {
                if (back) {
                    return;
                }
                back = true;
            }
            if (!keep(session)) {
                session.close();
            }
        }
    }
}
