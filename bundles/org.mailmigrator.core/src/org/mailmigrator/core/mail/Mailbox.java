package org.mailmigrator.core.mail;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mailmigrator.core.spi.ConnectorException;

/**
 * One selected folder. Listing and reading go in batches (one round trip for many messages); appending may
 * group messages when the connector can. Message ids and positions are the connector's own strings: the engine
 * compares ids for equality only, and asks the mailbox to order positions ({@link #comparePositions}) and to
 * move them past what it appended ({@link #positionAfter}); it never computes with either.
 * <p>
 * A <em>position</em> is the destination's high-water mark that crash recovery relies on: every message added
 * after {@link #position()} returned a value is listed by {@link #listSince} of that value. An IMAP folder uses
 * UIDNEXT; a source without such a mark may return null, and then recovery looks at the whole folder.
 */
public interface Mailbox extends AutoCloseable {

    /** The folder's status as of selecting it. */
    FolderStatus status();

    /** The folder's position now (one round trip): what {@link #listSince} needs to list what comes after. */
    String position() throws ConnectorException;

    /**
     * A light listing (id, flags, change token) of the folder's messages in the connector's order; with a
     * {@code changedSince} token (as {@link FolderStatus#changeToken()} gave it) only those whose flags changed
     * after it, when the connector can tell (IMAP CONDSTORE), else all.
     */
    List<MessageInfo> list(String changedSince) throws ConnectorException;

    /**
     * What changed after the change token, removals included: the light listing {@link #list(String)} gives for the
     * token, and the ids of the messages removed since it as the server proves them (IMAP QRESYNC's VANISHED), in one
     * round trip where the protocol allows. Empty when the connector cannot tell removals; the engine then lists
     * the whole folder to find them. Ids the engine never saw may be among the removed.
     */
    default Optional<Changes> changesSince(String changeToken) throws ConnectorException {
        return Optional.empty();
    }

    /** {@link #changesSince}'s answer: messages whose flags changed or that were added, and removed ids. */
    record Changes(List<MessageInfo> changed, Set<String> removed) {
        public Changes {
            changed = List.copyOf(changed);
            removed = Set.copyOf(removed);
        }
    }

    /** A light listing of the messages added at or after {@code position} (all when it is null). */
    List<MessageInfo> listSince(String position) throws ConnectorException;

    /** Full details (size, date, fingerprint, subject, flags) of the given ids, fetched in batches. */
    List<MessageInfo> details(List<String> ids) throws ConnectorException;

    /**
     * The size in bytes of every message of the folder, by id in the connector's order, in as few round trips as the
     * protocol allows (IMAP: one {@code UID FETCH 1:* (RFC822.SIZE)}): what a pre-flight needs, without the details.
     * The default takes them from the {@link #details} of the whole {@link #list}.
     */
    default Map<String, Long> sizes() throws ConnectorException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (MessageInfo m : details(list(null).stream().map(MessageInfo::id).toList())) {
            out.put(m.id(), m.size());
        }
        return out;
    }

    /** The sum of the sizes of all messages (for plans and progress). */
    long totalBytes() throws ConnectorException;

    /** Fetches the messages in batches and hands each to the reader; big ones are streamed. */
    void read(List<MessageInfo> messages, MessageReader reader) throws ConnectorException;

    /**
     * Appends one message with its flags (never {@code \Recent}) and arrival date; returns its id when the
     * destination tells it (IMAP UIDPLUS).
     *
     * @throws ConnectorException.ItemFailure when the destination refuses this message (too big, malformed...)
     */
    Optional<String> append(MessageBody body, Set<String> flags, Instant internalDate) throws ConnectorException;

    /**
     * Appends several messages, in one command when the destination allows it (IMAP MULTIAPPEND, one transaction
     * on the server), else one by one. One result per message, in order; a refused message does not stop the
     * others.
     */
    List<AppendResult> appendAll(List<Outgoing> messages) throws ConnectorException;

    /** Replaces the flags of messages: each flag set with the ids that must carry exactly it. */
    void replaceFlags(Map<Set<String>, List<String>> idsByFlags) throws ConnectorException;

    /** Removes messages (used only by the mirror option). */
    void expunge(List<String> ids) throws ConnectorException;

    /**
     * The order of two positions of this folder: negative when {@code a} comes first. Null (unknown) comes before
     * every position.
     */
    int comparePositions(String a, String b);

    /** The position just past both {@code position} and the message {@code id} this folder stored. */
    String positionAfter(String position, String id);

    /**
     * The Gmail message id (IMAP X-GM-MSGID) of every message of the folder, by message id, in one round trip;
     * empty when the source is not Gmail-like (no X-GM-EXT-1). One Gmail message sits in a folder per label.
     */
    default Optional<Map<String, String>> gmailMessageIds() throws ConnectorException {
        return Optional.empty();
    }

    /**
     * Copies messages of this folder into another folder of the same account on the server (IMAP {@code UID COPY}),
     * without sending them again; returns each copied id with the copy's id where the server tells it (UIDPLUS
     * COPYUID). Empty when the connector cannot copy on the server and say where the copies went: the engine then
     * uploads each placement.
     */
    default Optional<ServerCopy> serverCopy() {
        return Optional.empty();
    }

    /** A server-side copy from the selected folder, offered by {@link Mailbox#serverCopy()}. */
    interface ServerCopy {
        /**
         * Copies {@code ids} into {@code folder}; the answer maps each source id to the id of its copy.
         *
         * @throws ConnectorException.ItemFailure when the server refuses the copy (nothing was copied)
         */
        Map<String, String> copyTo(List<String> ids, String folder) throws ConnectorException;
    }

    @Override
    void close();
}
