package org.mailmigrator.core.internal.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * How a pass listed the source folder: only what changed after the last complete pass's change token, or whole.
 * <p>
 * Under the mirror option a changed-only listing is used only when it proves every removal: the connector names the
 * messages removed since the token ({@link Mailbox#changesSince}, IMAP QRESYNC's VANISHED), and the count closes —
 * the recorded messages not removed since the token plus the new ones listed make exactly the folder's message count.
 * Every message a complete pass listed has a record, so the records not removed are a superset of what is left of
 * that pass; equal counts mean no record is stale (a message removed before the token, during a pass without the
 * mirror option). Otherwise, and where the count proves nothing (a date window: messages outside it have no record;
 * a Gmail-like source), the folder is listed whole and a recorded message missing from it is taken as removed.
 *
 * @param removed the ids proved removed since the token; null when not asked (no mirror) or listed whole
 */
record Listing(List<MessageInfo> messages, boolean incremental, Set<String> removed) {

    /**
     * @param token     the change token to list after, or null to list the whole folder
     * @param recorded  the source ids of the copies recorded for the folder
     * @param count     the folder's message count as opened
     * @param countable whether every message of a complete pass has a record (no date window, not Gmail-like)
     */
    static Listing of(Mailbox source, String token, boolean mirror, Set<String> recorded, long count, boolean countable)
            throws ConnectorException {
        if (token == null) {
            return whole(source);
        }
        if (!mirror) {
            return new Listing(source.list(token), true, null);
        }
        Optional<Mailbox.Changes> changes = countable ? source.changesSince(token) : Optional.empty();
        if (changes.isPresent()) {
            Set<String> removed = changes.get().removed();
            long kept = recorded.stream().filter(id -> !removed.contains(id)).count();
            long added = changes.get().changed().stream().filter(m -> !recorded.contains(m.id())).count();
            if (kept + added == count) {
                return new Listing(changes.get().changed(), true, removed);
            }
        }
        return whole(source);
    }

    private static Listing whole(Mailbox source) throws ConnectorException {
        return new Listing(source.list(null), false, null);
    }
}
