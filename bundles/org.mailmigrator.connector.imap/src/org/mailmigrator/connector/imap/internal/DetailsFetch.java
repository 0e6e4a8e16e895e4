package org.mailmigrator.connector.imap.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.MODSEQ;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.mailmigrator.core.mail.Fingerprint;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * Size, arrival date, flags, fingerprint (from the header section) and subject of many messages, a few
 * hundred per FETCH. The header bytes are used and dropped: only the fingerprint is kept. A server may
 * split one message's items over several FETCH responses: they are merged by UID.
 */
final class DetailsFetch {
    private final ImapMailbox box;

    /** What the server said about one message so far. */
    private static final class Parts {
        ByteArray header;
        long size = -1;
        Instant date;
        FLAGS flags;
        long modseq;
        MessageInfo info; // once the header came (the header bytes are then dropped)
    }

    DetailsFetch(ImapMailbox box) {
        this.box = box;
    }

    /**
     * Details of each UID the source still has. A message left out is proven expunged ({@link Absence}); one
     * that exists but came without its header is returned without fingerprint, for the engine to skip.
     */
    List<MessageInfo> fetch(List<Long> uids) throws ConnectorException {
        Map<Long, Parts> parts = new HashMap<>();
        for (List<Long> chunk : UidSets.chunks(uids, 500)) {
            collect(chunk, parts);
        }
        Set<Long> missing = new HashSet<>();
        for (long uid : uids) {
            if (parts.get(uid) == null || parts.get(uid).info == null) {
                missing.add(uid);
            }
        }
        Set<Long> present = Absence.stillPresent(box, missing);
        for (long uid : present.stream().sorted().toList()) { // once more, one by one: a passing glitch
            collect(List.of(uid), parts);
        }
        List<MessageInfo> out = new ArrayList<>();
        for (long uid : uids) {
            Parts p = parts.get(uid);
            if (missing.contains(uid) && !present.contains(uid)) {
                continue; // proven expunged
            }
            out.add(p != null && p.info != null ? p.info : new MessageInfo(UidSets.id(uid), p == null ? -1 : p.size,
                    null, p == null ? Set.of() : Flagsets.toStrings(p.flags), null, null, null));
        }
        return out;
    }

    private void collect(List<Long> chunk, Map<Long, Parts> parts) throws ConnectorException {
        Response[] rs = box.fetch("fetching message details", "UID FETCH " + UidSets.format(chunk)
                + " (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[HEADER])");
        for (Response r : rs) {
            if (r instanceof FetchResponse f && f.getItem(UID.class) != null) {
                Parts p = parts.computeIfAbsent(f.getItem(UID.class).uid, k -> new Parts());
                BODY body = f.getItem(BODY.class);
                if (body != null && body.getByteArray() != null) {
                    p.header = body.getByteArray();
                }
                RFC822SIZE size = f.getItem(RFC822SIZE.class);
                p.size = size == null ? p.size : size.size;
                INTERNALDATE date = f.getItem(INTERNALDATE.class);
                p.date = date == null || date.getDate() == null ? p.date : date.getDate().toInstant();
                p.flags = f.getItem(FLAGS.class) == null ? p.flags : f.getItem(FLAGS.class);
                MODSEQ modseq = f.getItem(MODSEQ.class);
                p.modseq = modseq == null ? p.modseq : modseq.modseq;
            }
        }
        for (long uid : chunk) {
            Parts p = parts.get(uid);
            if (p != null && p.header != null && p.info == null) {
                p.info = toInfo(uid, p);
                p.header = null;
            }
        }
    }

    private static MessageInfo toInfo(long uid, Parts p) {
        ByteArray header = p.header;
        return new MessageInfo(UidSets.id(uid), p.size, p.date, Flagsets.toStrings(p.flags), UidSets.text(p.modseq),
                Fingerprint.of(header.getBytes(), header.getStart(), header.getCount(), p.size), subject(header));
    }

    /** The decoded Subject, for reports; null when absent, raw when it cannot be decoded. */
    static String subject(ByteArray header) {
        return Subjects.of(header.getBytes(), header.getStart(), header.getCount());
    }
}
