package org.mailmigrator.connector.imap.internal;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.mailmigrator.core.mail.Fetched;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.mail.Unread;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * One big message in partial fetches of {@link BodyFetch#BIG} bytes, into a {@link Spool} (memory or a temporary
 * file). Each answer must
 * start where it was asked ({@code BODY[]<origin>}, with or without a length). When the connection drops,
 * the folder is opened again and the fetch goes on from the byte where it was cut, not from byte 0; a drop
 * before a whole chunk came halves the chunk (down to 64 KiB), so a link that drops more often than 1 MiB
 * still moves on. Two drops in a row at the smallest chunk give up (the engine retries the folder). Each whole
 * chunk doubles the next one up to {@link #LARGEST} (each chunk costs a round trip: a 20 MiB message over a
 * 40 ms link takes 7 instead of 20).
 */
final class BigFetch {
    private static final int DROPS_WITHOUT_PROGRESS = 2;
    private static final long SMALLEST = 64 << 10;
    static final long LARGEST = 4L << 20;
    private final ImapMailbox box;

    BigFetch(ImapMailbox box) {
        this.box = box;
    }

    /** One chunk as answered: its bytes (null when none came) and the origin the server named (-1: none). */
    private record Chunk(ByteArray bytes, int origin) {
    }

    BodyFetch.Result fetch(MessageInfo m, Spool spool) throws ConnectorException {
        long offset = 0;
        long size = BodyFetch.BIG;
        int drops = 0;
        boolean progressed = false; // a chunk came since the last drop
        List<String> notes = new java.util.ArrayList<>();
        try {
            while (true) {
                Chunk c;
                try {
                    c = chunk(UidSets.uid(m), offset, size);
                } catch (ConnectorException.TransientFailure e) {
                    if (!progressed && size > SMALLEST) {
                        size = Math.max(SMALLEST, size / 2);
                    } else if (!progressed && ++drops >= DROPS_WITHOUT_PROGRESS) {
                        throw e;
                    }
                    progressed = false;
                    notes.add("message " + m.id() + " (" + m.size() + " bytes): the download stopped at byte " + offset
                            + " (" + e.getMessage() + "); the folder is opened again and the download goes on from there");
                    box.reopen();
                    continue;
                }
                if (c.bytes() == null) {
                    if (offset > 0 && offset >= m.size()) {
                        break; // NIL past the end: the message is complete
                    }
                    return missing(m, "the source server returned no content for this message at byte " + offset).noting(notes);
                }
                if (c.origin() != offset && !(c.origin() == -1 && offset == 0)) {
                    return missing(m, "the source server answered a partial fetch at byte " + offset
                            + " with bytes from " + c.origin()).noting(notes);
                }
                drops = 0;
                progressed = true;
                spool.write(c.bytes());
                offset += c.bytes().getCount();
                // the whole message without an origin: the server ignored the partial request; a short answer
                // before the listed size is asked once more (a server may cap a partial answer): only an empty one
                // ends the message there
                if (c.origin() == -1 || c.bytes().getCount() == 0 || (c.bytes().getCount() < size && offset >= m.size())) {
                    break;
                }
                if (c.bytes().getCount() >= size) {
                    size = Math.min(LARGEST, size * 2);
                }
            }
            return BodyFetch.Result.of(new Fetched(m, spool.body(offset))).noting(notes);
        } catch (IOException e) {
            throw SpoolErrors.of(e, spool.where(), "spool message " + m.id() + " to");
        }
    }

    private BodyFetch.Result missing(MessageInfo m, String why) throws ConnectorException {
        Set<Long> present = Absence.stillPresent(box, List.of(UidSets.uid(m)));
        return BodyFetch.Result.of(present.isEmpty() ? Unread.expunged(m)
                : Unread.notFetched(m, why + "; it will be tried again on the next run"));
    }

    private Chunk chunk(long uid, long offset, long size) throws ConnectorException {
        Response[] rs = box.fetch("fetching a big message", "UID FETCH " + uid + " (UID BODY.PEEK[]<" + offset + "."
                + size + ">)");
        for (Response r : rs) {
            if (r instanceof FetchResponse f && f.getItem(UID.class) != null && f.getItem(UID.class).uid == uid
                    && f.getItem(BODY.class) != null && f.getItem(BODY.class).getSection().isEmpty()) {
                BODY b = f.getItem(BODY.class);
                return new Chunk(b.getByteArray(), b.getOrigin());
            }
        }
        return new Chunk(null, -1);
    }
}
