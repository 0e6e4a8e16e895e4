package org.mailmigrator.auth;

import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * Where an authorized user JSON secret (a refresh token with its client) is kept, so that a refresh token the
 * provider rotates replaces the old one there before the new access token is used: a token file
 * ({@code --source-token-file}), or a batch row's credential sealed in the batch store. Each refresh reads the token
 * from here (another token source of the same secret may have rotated it), under {@link #lock()}.
 */
public interface TokenHome {
    /** The authorized user JSON kept here now. */
    Secret read() throws ConnectorException;

    /** Keeps {@code json} in place of what {@link #read} gave, atomically; its text is never printed. */
    void write(Secret json) throws ConnectorException;

    /**
     * Held while the token is read, exchanged and written back: the same object for every home of one file or one
     * stored credential in this process, so that no two token sources send one refresh token twice.
     */
    Object lock();

    /**
     * Held, after {@link #lock()}, while the token is read, exchanged and written back, for the processes that share
     * this home (a batch credential in a database several workers use): so that no two processes send one refresh
     * token twice, a rotation by one being read by the next. By default there is none to hold (one process).
     *
     * @throws ConnectorException when the other processes' refresh could not be waited for
     */
    default Hold acrossProcesses() throws ConnectorException {
        return () -> { };
    }

    /** What {@link #acrossProcesses} holds; closing releases it. */
    interface Hold extends AutoCloseable {
        @Override
        void close();
    }
}
