package org.mailmigrator.connector.imap.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.BadCommandException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;

/**
 * CREATE and SUBSCRIBE of many folders in bursts ({@link Pipeline}): a first run creating and subscribing 38
 * folders over a 40 ms link costs a few round trips instead of 76. A folder is created in a later burst than
 * every folder of the list whose name is a prefix of its own (its parent among them), so that no CREATE depends
 * on one still in flight; the SUBSCRIBEs follow all the CREATEs.
 */
final class FolderBurst {
    private FolderBurst() {
    }

    /** CREATEs the folders; the ones the server answered NO (they may exist already). BAD is thrown. */
    static List<String> create(IMAPProtocol p, List<String> folders) throws ProtocolException {
        Map<Integer, List<String>> levels = new TreeMap<>();
        for (String f : folders) {
            int level = (int) folders.stream().filter(g -> f.length() > g.length() && f.startsWith(g)).count();
            levels.computeIfAbsent(level, k -> new ArrayList<>()).add(f);
        }
        List<String> refused = new ArrayList<>();
        for (List<String> level : levels.values()) {
            List<Response> answers = send(p, "CREATE", level);
            for (int i = 0; i < level.size(); i++) {
                Response r = answers.get(i);
                if (r.isBAD()) {
                    throw new BadCommandException(r);
                }
                if (!r.isOK()) {
                    refused.add(level.get(i));
                }
            }
        }
        return refused;
    }

    /** SUBSCRIBEs the folders; the answer to each one the server refused (NO or BAD), by folder. */
    static Map<String, Response> subscribe(IMAPProtocol p, List<String> folders) throws ProtocolException {
        List<Response> answers = send(p, "SUBSCRIBE", folders);
        Map<String, Response> refused = new LinkedHashMap<>();
        for (int i = 0; i < folders.size(); i++) {
            if (!answers.get(i).isOK()) {
                refused.put(folders.get(i), answers.get(i));
            }
        }
        return refused;
    }

    private static List<Response> send(IMAPProtocol p, String command, List<String> folders) throws ProtocolException {
        List<Pipeline.Command> commands = new ArrayList<>();
        for (String f : folders) {
            Argument args = new Argument();
            args.writeString(BASE64MailboxEncoder.encode(f));
            commands.add(new Pipeline.Command(command, args));
        }
        return Pipeline.run(p, commands, r -> {
        });
    }
}
