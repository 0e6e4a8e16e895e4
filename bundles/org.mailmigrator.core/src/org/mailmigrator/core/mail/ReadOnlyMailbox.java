package org.mailmigrator.core.mail;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mailmigrator.core.spi.ConnectorException;

/**
 * The write side of a folder that can only be a source (POP3, mail files, an Exchange mailbox read as a source):
 * every write ({@link #append}, {@link #appendAll}, {@link #replaceFlags}, {@link #expunge}) is refused with the
 * connector's own wording, given to the constructor, so that the user reads which account cannot be written
 * ("POP3 is a source only: ..."). Such a folder has no position: {@link #position()} is null (recovery then looks
 * at the whole folder), positions are all equal and appending never moves one. Closing does nothing unless a
 * subclass holds something of its own. A subclass implements the read side.
 */
public abstract class ReadOnlyMailbox implements Mailbox {
    private final String refusal;

    /** @param refusal what a user reads when something tries to write to this folder; it names the connector */
    protected ReadOnlyMailbox(String refusal) {
        this.refusal = refusal;
    }

    /**
     * The failure a source-only account gives to any write (a configuration error: the account was chosen as a
     * destination), for the store's {@code create} and {@code open(folder, true)} as for the folder's writes.
     */
    public static ConnectorException refused(String refusal) {
        return new ConnectorException.AccountFailure(refusal, ConnectorException.AccountFailure.Reason.CONFIGURATION,
                null);
    }

    /** Null: a source has no destination position. */
    @Override
    public final String position() {
        return null;
    }

    @Override
    public final Optional<String> append(MessageBody body, Set<String> flags, Instant internalDate)
            throws ConnectorException {
        throw refused(refusal);
    }

    @Override
    public final List<AppendResult> appendAll(List<Outgoing> messages) throws ConnectorException {
        throw refused(refusal);
    }

    @Override
    public final void replaceFlags(Map<Set<String>, List<String>> idsByFlags) throws ConnectorException {
        throw refused(refusal);
    }

    /** Refused too: a source's messages are never deleted, whatever the options (mirror included). */
    @Override
    public final void expunge(List<String> ids) throws ConnectorException {
        throw refused(refusal);
    }

    @Override
    public final int comparePositions(String a, String b) {
        return 0;
    }

    @Override
    public final String positionAfter(String position, String id) {
        return position;
    }

    @Override
    public void close() {
        // nothing of its own by default: the session owns the connection or the files
    }
}
