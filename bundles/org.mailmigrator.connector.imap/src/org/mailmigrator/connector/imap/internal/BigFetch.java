package org.mailmigrator.connector.imap.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
 * One big message in partial fetches of {@link BodyFetch#BIG} bytes, spooled to a file. Each answer must
 * start where it was asked ({@code BODY[]<origin>}, with or without a length). When the connection drops
 * after progress, the folder is opened again and the fetch goes on from the byte where it was cut, not from
 * byte 0; two drops in a row without a byte gained give up (the engine retries the folder).
 */
final class BigFetch {
    private static final int DROPS_WITHOUT_PROGRESS = 2;
    private final ImapMailbox box;

    BigFetch(ImapMailbox box) {
        this.box = box;
    }

    /** One chunk as answered: its bytes (null when none came) and the origin the server named (-1: none). */
    private record Chunk(ByteArray bytes, int origin) {
    }

    BodyFetch.Result fetch(MessageInfo m, FileChannel spool) throws ConnectorException {
        long offset = 0;
        int drops = 0;
        try {
            while (true) {
                Chunk c;
                try {
                    c = chunk(m.uid(), offset);
                } catch (ConnectorException.TransientFailure e) {
                    if (++drops > DROPS_WITHOUT_PROGRESS) {
                        throw e;
                    }
                    box.reopen();
                    continue;
                }
                if (c.bytes() == null) {
                    if (offset > 0 && offset >= m.size()) {
                        break; // NIL past the end: the message is complete
                    }
                    return missing(m, "the source server returned no content for this message at byte " + offset);
                }
                if (c.origin() != offset && !(c.origin() == -1 && offset == 0)) {
                    return missing(m, "the source server answered a partial fetch at byte " + offset
                            + " with bytes from " + c.origin());
                }
                drops = 0;
                ByteBuffer buffer = ByteBuffer.wrap(c.bytes().getBytes(), c.bytes().getStart(), c.bytes().getCount());
                while (buffer.hasRemaining()) {
                    spool.write(buffer);
                }
                offset += c.bytes().getCount();
                // the whole message without an origin: the server ignored the partial request
                if (c.bytes().getCount() < BodyFetch.BIG || c.origin() == -1) {
                    break;
                }
            }
            return BodyFetch.Result.of(new Fetched(m, Bodies.of(spool, offset)));
        } catch (IOException e) {
            throw new ConnectorException.TransientFailure("cannot spool message " + m.uid()
                    + " to a temporary file: " + e.getMessage(), e);
        }
    }

    private BodyFetch.Result missing(MessageInfo m, String why) throws ConnectorException {
        Set<Long> present = Absence.stillPresent(box, List.of(m.uid()));
        return BodyFetch.Result.of(present.isEmpty() ? Unread.expunged(m)
                : Unread.notFetched(m, why + "; it will be tried again on the next run"));
    }

    private Chunk chunk(long uid, long offset) throws ConnectorException {
        Response[] rs = box.fetch("fetching a big message", "UID FETCH " + uid + " (UID BODY.PEEK[]<" + offset + "."
                + BodyFetch.BIG + ">)");
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
