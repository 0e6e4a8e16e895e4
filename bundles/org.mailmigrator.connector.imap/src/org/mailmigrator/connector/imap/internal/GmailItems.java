package org.mailmigrator.connector.imap.internal;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.angus.mail.iap.ParsingException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.FetchItem;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * Gmail's FETCH item {@code X-GM-MSGID} (X-GM-EXT-1): the id one Gmail message keeps in every folder of its labels,
 * an unsigned 64-bit number kept as its decimal text. Registered with the protocol so that a FETCH response
 * carrying it parses.
 */
final class GmailItems {
    static final String MSGID = "X-GM-MSGID";

    /** The fetch item Angus needs to parse {@code X-GM-MSGID n}. */
    static final FetchItem MSGID_ITEM = new FetchItem(MSGID, null) {
        @Override
        public Object parseItem(FetchResponse r) throws ParsingException {
            String atom = r.readAtom();
            if (atom == null || atom.isEmpty() || !atom.chars().allMatch(Character::isDigit)) {
                throw new ParsingException("X-GM-MSGID is not a number: " + atom);
            }
            return atom;
        }
    };

    private GmailItems() {
    }

    /** UID to X-GM-MSGID of every message of the selected folder (one {@code UID FETCH 1:*}). */
    static Map<String, String> messageIds(ImapMailbox box) throws ConnectorException {
        Map<String, String> out = new HashMap<>();
        if (box.status().messages() == 0) {
            return out;
        }
        for (Response r : box.run("reading Gmail message ids", "UID FETCH 1:* (UID X-GM-MSGID)")) {
            if (r instanceof FetchResponse f && f.getItem(UID.class) != null
                    && f.getExtensionItems().get(MSGID) instanceof String id) {
                out.put(UidSets.id(f.getItem(UID.class).uid), id);
            }
        }
        return out;
    }
}
