package org.mailmigrator.connector.imap.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.BadCommandException;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.Status;

/**
 * STATUS of many folders in one burst: the commands are written back to back (at most {@link #DEPTH} in flight)
 * and the answers read afterwards, so checking 40 folders over a 40 ms link costs one round trip, not 40.
 * Answers are paired with folders by the mailbox name the server repeats; a folder whose command succeeded
 * without a name that pairs is asked again alone. A NO is a folder that does not exist (empty), except a
 * provider's limit answer, which is thrown as Angus's own {@code status} would; BAD is thrown.
 */
final class StatusBurst {
    static final int DEPTH = 64;

    private StatusBurst() {
    }

    static Map<String, Status> of(IMAPProtocol p, List<String> folders, String[] items) throws ProtocolException {
        Map<String, Status> out = new LinkedHashMap<>();
        for (int from = 0; from < folders.size(); from += DEPTH) {
            burst(p, folders.subList(from, Math.min(folders.size(), from + DEPTH)), items, out);
        }
        return out;
    }

    private static void burst(IMAPProtocol p, List<String> folders, String[] items, Map<String, Status> out)
            throws ProtocolException {
        Map<String, String> byTag = new HashMap<>();
        List<Response> all = new ArrayList<>();
        Map<String, Status> byName = new HashMap<>();
        List<String> answered = new ArrayList<>();
        ProtocolException failure = null;
        try {
            for (String f : folders) {
                Argument args = new Argument();
                args.writeString(BASE64MailboxEncoder.encode(f));
                Argument list = new Argument();
                for (String item : items) {
                    list.writeAtom(item);
                }
                args.writeArgument(list);
                byTag.put(p.writeCommand("STATUS", args), f);
            }
            int open = folders.size();
            while (open > 0) {
                Response r = p.readResponse();
                all.add(r);
                if (r.isBYE()) {
                    throw new ConnectionException(p, r);
                }
                String folder = r.isTagged() ? byTag.get(r.getTag()) : null;
                if (folder != null) {
                    open--;
                    if (r.isOK()) {
                        answered.add(folder);
                    } else if (r.isBAD()) {
                        failure = failure == null ? new BadCommandException(r) : failure;
                    } else if (ImapFailures.limit("STATUS", new CommandFailedException(r)).isPresent()) {
                        failure = failure == null ? new CommandFailedException(r) : failure;
                    }
                } else if (r instanceof IMAPResponse ir && ir.keyEquals("STATUS")) {
                    Status s = new Status(ir);
                    byName.put(s.mbox, s);
                }
            }
        } catch (IOException e) {
            throw new ConnectionException(p, Response.byeResponse(e));
        } finally {
            p.notifyResponseHandlers(all.toArray(new Response[0]));
        }
        if (failure != null) {
            throw failure;
        }
        for (String f : answered) {
            Status s = byName.get(f);
            if (s == null && f.equalsIgnoreCase("INBOX")) {
                s = byName.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("INBOX")).map(Map.Entry::getValue)
                        .findFirst().orElse(null);
            }
            if (s == null) {
                try {
                    s = p.status(f, items);
                } catch (CommandFailedException e) {
                    continue; // gone meanwhile: absent, as a single STATUS would say
                }
            }
            out.put(f, s);
        }
    }
}
