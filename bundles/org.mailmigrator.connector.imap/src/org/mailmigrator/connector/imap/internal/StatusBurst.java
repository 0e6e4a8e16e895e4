package org.mailmigrator.connector.imap.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.BadCommandException;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.iap.ParsingException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.Status;

/**
 * STATUS of many folders in one burst ({@link Pipeline}): checking 40 folders over a 40 ms link costs one round
 * trip, not 40. Answers are paired with folders by the mailbox name the server repeats; a folder whose command
 * succeeded without a name that pairs is asked again alone. A NO is a folder that does not exist (empty), except
 * a provider's limit answer, which is thrown as Angus's own {@code status} would; BAD is thrown.
 */
final class StatusBurst {
    private StatusBurst() {
    }

    static Map<String, Status> of(IMAPProtocol p, List<String> folders, String[] items) throws ProtocolException {
        List<Pipeline.Command> commands = new ArrayList<>();
        for (String f : folders) {
            Argument args = new Argument();
            args.writeString(BASE64MailboxEncoder.encode(f));
            Argument list = new Argument();
            for (String item : items) {
                list.writeAtom(item);
            }
            args.writeArgument(list);
            commands.add(new Pipeline.Command("STATUS", args));
        }
        Map<String, Status> byName = new HashMap<>();
        List<Response> answers = Pipeline.run(p, commands, r -> {
            if (r instanceof IMAPResponse ir && ir.keyEquals("STATUS")) {
                try {
                    Status s = new Status(ir);
                    byName.put(s.mbox, s);
                } catch (ParsingException e) {
                    // unpaired: its folder is asked again alone, where the parsing error is thrown
                }
            }
        });
        List<String> answered = new ArrayList<>();
        ProtocolException failure = null;
        for (int i = 0; i < folders.size(); i++) {
            Response r = answers.get(i);
            if (r.isOK()) {
                answered.add(folders.get(i));
            } else if (r.isBAD()) {
                failure = failure == null ? new BadCommandException(r) : failure;
            } else if (ImapFailures.limit("STATUS", new CommandFailedException(r)).isPresent()) {
                failure = failure == null ? new CommandFailedException(r) : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        Map<String, Status> out = new LinkedHashMap<>();
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
        return out;
    }
}
