package org.mailmigrator.connector.imap.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * Proves that messages are gone before anyone concludes it: a NOOP lets the server announce expunges made
 * by other sessions, then {@code UID FETCH uids (UID)} asks for them; only a UID the server no longer
 * answers for is expunged. A message that did not come for any other reason is never taken as expunged.
 */
final class Absence {
    private Absence() {
    }

    /** The UIDs among {@code uids} that the server still has. */
    static Set<Long> stillPresent(ImapMailbox box, Collection<Long> uids) throws ConnectorException {
        Set<Long> present = new HashSet<>();
        if (uids.isEmpty()) {
            return present;
        }
        box.run("checking for expunged messages", "NOOP");
        for (var chunk : UidSets.chunks(uids.stream().sorted().toList(), 500)) {
            Response[] rs = box.fetch("checking for expunged messages", "UID FETCH " + UidSets.format(chunk) + " (UID)");
            Response last = rs[rs.length - 1];
            if (last.isNO() && !String.valueOf(last).toUpperCase(java.util.Locale.ROOT).contains("EXPUNGEISSUED")) {
                present.addAll(chunk); // refused for another reason: nothing is proven
                continue;
            }
            for (Response r : rs) {
                if (r instanceof FetchResponse f && f.getItem(UID.class) != null) {
                    present.add(f.getItem(UID.class).uid);
                }
            }
        }
        present.retainAll(uids);
        return present;
    }
}
