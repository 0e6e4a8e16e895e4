package org.mailmigrator.core.mail;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.mailmigrator.core.spi.ConnectorException;

/**
 * One selected folder. Listing and reading go in batches (one round trip for many messages); appending is
 * one message per call because servers answer each with its own UID.
 */
public interface Mailbox extends AutoCloseable {

    /** The folder's status as of selecting it. */
    FolderStatus status();

    /** The folder's UIDNEXT now (one round trip): the UID the next appended message will get at least. */
    long uidNext() throws ConnectorException;

    /**
     * A light listing (UID, flags, mod-sequence) of messages with UID {@code >= fromUid}; with
     * {@code changedSince > 0} (CONDSTORE) only those whose flags changed after that mod-sequence.
     */
    List<MessageInfo> list(long fromUid, long changedSince) throws ConnectorException;

    /** Full details (size, date, fingerprint, subject, flags) of the given UIDs, fetched in batches. */
    List<MessageInfo> details(List<Long> uids) throws ConnectorException;

    /** The sum of the sizes of all messages (for plans and progress). */
    long totalBytes() throws ConnectorException;

    /** Fetches the messages in batches and hands each to the reader; big ones are streamed. */
    void read(List<MessageInfo> messages, MessageReader reader) throws ConnectorException;

    /**
     * Appends one message with its flags (never {@code \Recent}) and arrival date; returns its UID when the
     * server tells it (UIDPLUS).
     *
     * @throws ConnectorException.ItemFailure when the server refuses this message (too big, malformed...)
     */
    OptionalLong append(MessageBody body, Set<String> flags, Instant internalDate) throws ConnectorException;

    /**
     * Appends several messages, in one command when the server allows it (MULTIAPPEND, one transaction on
     * the server), else one by one. One result per message, in order; a refused message does not stop the
     * others.
     */
    List<AppendResult> appendAll(List<Outgoing> messages) throws ConnectorException;

    /** Replaces the flags of messages: each flag set with the UIDs that must carry exactly it. */
    void replaceFlags(Map<Set<String>, List<Long>> uidsByFlags) throws ConnectorException;

    /** Removes messages (used only by the mirror option). */
    void expunge(List<Long> uids) throws ConnectorException;

    @Override
    void close();
}
