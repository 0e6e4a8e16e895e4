package org.mailmigrator.connector.imap.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * {@code UID COPY} from the selected folder into another, with the copies' UIDs from the {@code [COPYUID validity
 * source-set destination-set]} answer (RFC 4315 UIDPLUS): the n-th source UID went to the n-th destination UID.
 */
final class ServerCopies implements Mailbox.ServerCopy {
    private static final Pattern CODE = Pattern.compile("\\[COPYUID \\d+ ([0-9:,]+) ([0-9:,]+)\\]",
            Pattern.CASE_INSENSITIVE);
    private final ImapMailbox box;

    ServerCopies(ImapMailbox box) {
        this.box = box;
    }

    @Override
    public Map<String, String> copyTo(List<String> ids, String folder) throws ConnectorException {
        Map<String, String> out = new HashMap<>();
        for (List<Long> chunk : UidSets.chunks(UidSets.uids(ids), 2000)) {
            Object answer = box.doCommand("UID COPY", p -> {
                Argument args = new Argument();
                args.writeAtom(UidSets.format(chunk));
                args.writeString(BASE64MailboxEncoder.encode(folder));
                Response[] r = p.command("UID COPY", args);
                Response last = r[r.length - 1];
                return last.isOK() ? last.toString() : last;
            });
            if (answer instanceof Response refused) {
                throw new ConnectorException.ItemFailure("the destination refused to copy into '" + folder + "': "
                        + refused.getRest(), null);
            }
            out.putAll(parse((String) answer));
        }
        return out;
    }

    /** Source UID to copy UID, both as ids; empty when the answer has no COPYUID. */
    static Map<String, String> parse(String answer) {
        Map<String, String> out = new HashMap<>();
        Matcher m = CODE.matcher(answer);
        if (!m.find()) {
            return out;
        }
        List<Long> from = expand(m.group(1));
        List<Long> to = expand(m.group(2));
        for (int i = 0; i < Math.min(from.size(), to.size()); i++) {
            out.put(UidSets.id(from.get(i)), UidSets.id(to.get(i)));
        }
        return out;
    }

    private static List<Long> expand(String set) {
        List<Long> uids = new ArrayList<>();
        for (String part : set.split(",")) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                uids.add(Long.parseLong(part));
            } else {
                long a = Long.parseLong(part.substring(0, colon));
                long b = Long.parseLong(part.substring(colon + 1));
                if (a <= b) {
                    for (long u = a; u <= b; u++) {
                        uids.add(u);
                    }
                } else {
                    for (long u = a; u >= b; u--) {
                        uids.add(u);
                    }
                }
            }
        }
        return uids;
    }
}
