package org.mailmigrator.connector.imap.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.mailmigrator.core.mail.Fetched;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.mail.MessageReader;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * Fetches message bodies: small messages many per FETCH (bounded in count and bytes), big ones in 1 MiB
 * partial fetches spooled to a temporary file, so memory never grows with a message's size.
 */
final class BodyFetch {
    static final long BIG = 1L << 20;
    private static final int GROUP_COUNT = 50;
    private static final long GROUP_BYTES = 4L << 20;
    private final ImapMailbox box;

    BodyFetch(ImapMailbox box) {
        this.box = box;
    }

    void read(List<MessageInfo> messages, MessageReader reader) throws ConnectorException {
        List<MessageInfo> group = new ArrayList<>();
        long groupBytes = 0;
        for (MessageInfo m : messages) {
            if (m.size() > BIG) {
                flush(group, reader);
                groupBytes = 0;
                readBig(m, reader);
                continue;
            }
            group.add(m);
            groupBytes += Math.max(m.size(), 0);
            if (group.size() >= GROUP_COUNT || groupBytes >= GROUP_BYTES) {
                flush(group, reader);
                groupBytes = 0;
            }
        }
        flush(group, reader);
    }

    private void flush(List<MessageInfo> group, MessageReader reader) throws ConnectorException {
        if (group.isEmpty()) {
            return;
        }
        Map<Long, ByteArray> bodies = new HashMap<>();
        Response[] rs = box.run("fetching messages", "UID FETCH "
                + UidSets.format(group.stream().map(MessageInfo::uid).toList()) + " (UID BODY.PEEK[])");
        for (Response r : rs) {
            if (r instanceof FetchResponse f && f.getItem(UID.class) != null && f.getItem(BODY.class) != null) {
                bodies.put(f.getItem(UID.class).uid, f.getItem(BODY.class).getByteArray());
            }
        }
        List<Fetched> fetched = new ArrayList<>();
        for (MessageInfo m : group) {
            ByteArray body = bodies.remove(m.uid());
            if (body != null) { // absent: expunged on the source meanwhile, nothing to copy
                fetched.add(new Fetched(m, Bodies.of(body)));
            }
        }
        group.clear();
        if (!fetched.isEmpty()) {
            reader.accept(fetched);
        }
    }

    private void readBig(MessageInfo m, MessageReader reader) throws ConnectorException {
        Path spool = null;
        try {
            spool = Files.createTempFile("mailmigrator-", ".eml");
            boolean present = false;
            try (OutputStream out = Files.newOutputStream(spool)) {
                for (long offset = 0;; offset += BIG) {
                    ByteArray chunk = chunk(m.uid(), offset);
                    if (chunk == null) {
                        break;
                    }
                    present = true;
                    out.write(chunk.getBytes(), chunk.getStart(), chunk.getCount());
                    if (chunk.getCount() < BIG) {
                        break;
                    }
                }
            }
            if (present) {
                reader.accept(List.of(new Fetched(m, Bodies.of(spool))));
            }
        } catch (IOException e) {
            throw new ConnectorException.ItemFailure("cannot spool message " + m.uid() + " to a temporary file: "
                    + e.getMessage(), e);
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException e) {
                    spool.toFile().deleteOnExit();
                }
            }
        }
    }

    private ByteArray chunk(long uid, long offset) throws ConnectorException {
        Response[] rs = box.run("fetching a big message", "UID FETCH " + uid + " (UID BODY.PEEK[]<" + offset + "."
                + BIG + ">)");
        for (Response r : rs) {
            if (r instanceof FetchResponse f && f.getItem(UID.class) != null && f.getItem(UID.class).uid == uid
                    && f.getItem(BODY.class) != null) {
                return f.getItem(BODY.class).getByteArray();
            }
        }
        return null;
    }
}
