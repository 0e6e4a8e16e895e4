package org.mailmigrator.connector.imap.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

import jakarta.mail.internet.MimeUtility;

/**
 * Size, arrival date, flags, fingerprint (from the header section) and subject of many messages, a few
 * hundred per FETCH. The header bytes are used and dropped: only the fingerprint is kept.
 */
final class DetailsFetch {
    private static final Pattern SUBJECT = Pattern.compile("(?im)^Subject:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)");
    private final ImapMailbox box;

    DetailsFetch(ImapMailbox box) {
        this.box = box;
    }

    List<MessageInfo> fetch(List<Long> uids) throws ConnectorException {
        List<MessageInfo> out = new ArrayList<>();
        for (List<Long> chunk : UidSets.chunks(uids, 500)) {
            Response[] rs = box.run("fetching message details", "UID FETCH " + UidSets.format(chunk)
                    + " (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[HEADER])");
            for (Response r : rs) {
                if (r instanceof FetchResponse f && f.getItem(UID.class) != null && f.getItem(BODY.class) != null) {
                    out.add(toInfo(f));
                }
            }
        }
        return out;
    }

    private static MessageInfo toInfo(FetchResponse f) {
        ByteArray header = f.getItem(BODY.class).getByteArray();
        RFC822SIZE size = f.getItem(RFC822SIZE.class);
        INTERNALDATE date = f.getItem(INTERNALDATE.class);
        MODSEQ modseq = f.getItem(MODSEQ.class);
        long bytes = size == null ? -1 : size.size;
        return new MessageInfo(f.getItem(UID.class).uid, bytes,
                date == null || date.getDate() == null ? null : date.getDate().toInstant(),
                Flagsets.toStrings(f.getItem(FLAGS.class)), modseq == null ? 0 : modseq.modseq,
                Fingerprint.of(header.getBytes(), header.getStart(), header.getCount(), bytes), subject(header));
    }

    /** The decoded Subject, for reports; null when absent, raw when it cannot be decoded. */
    static String subject(ByteArray header) {
        String text = new String(header.getBytes(), header.getStart(), header.getCount(), StandardCharsets.ISO_8859_1);
        Matcher m = SUBJECT.matcher(text);
        if (!m.find()) {
            return null;
        }
        String raw = m.group(1).replaceAll("\\r?\\n[ \\t]", " ").trim();
        try {
            raw = MimeUtility.decodeText(raw);
        } catch (java.io.UnsupportedEncodingException | RuntimeException e) {
            // keep the raw text: a report line is better with an undecoded subject than without one
        }
        return raw.length() > 200 ? raw.substring(0, 200) + "…" : raw;
    }
}
