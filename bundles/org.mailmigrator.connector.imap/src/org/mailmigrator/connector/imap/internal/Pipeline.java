package org.mailmigrator.connector.imap.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;

/**
 * Commands that do not depend on each other's answers, written back to back (at most {@link #DEPTH} in flight)
 * and their answers read afterwards, paired by tag: n commands over a 40 ms link cost one round trip, not n.
 * Untagged responses go to the caller's consumer and then, as Angus does after each command, to the
 * connection's response handlers (so that an EXISTS or an ALERT is not lost). A BYE or a broken connection is
 * Angus's {@link ConnectionException}.
 */
final class Pipeline {
    static final int DEPTH = 64;

    /** One command: its name (with any fixed words) and its arguments. */
    record Command(String name, Argument args) {
    }

    private Pipeline() {
    }

    /** The tagged answer of each command, in the commands' order. */
    static List<Response> run(IMAPProtocol p, List<Command> commands, Consumer<Response> untagged) throws ProtocolException {
        List<Response> answers = new ArrayList<>();
        for (int from = 0; from < commands.size(); from += DEPTH) {
            answers.addAll(burst(p, commands.subList(from, Math.min(commands.size(), from + DEPTH)), untagged));
        }
        return answers;
    }

    private static List<Response> burst(IMAPProtocol p, List<Command> commands, Consumer<Response> untagged)
            throws ProtocolException {
        Map<String, Integer> byTag = new HashMap<>();
        Response[] answers = new Response[commands.size()];
        List<Response> all = new ArrayList<>();
        try {
            for (int i = 0; i < commands.size(); i++) {
                byTag.put(p.writeCommand(commands.get(i).name(), commands.get(i).args()), i);
            }
            int open = commands.size();
            while (open > 0) {
                Response r = p.readResponse();
                all.add(r);
                if (r.isBYE()) {
                    throw new ConnectionException(p, r);
                }
                Integer i = r.isTagged() ? byTag.get(r.getTag()) : null;
                if (i != null) {
                    answers[i] = r;
                    open--;
                } else {
                    untagged.accept(r);
                }
            }
        } catch (IOException e) {
            throw new ConnectionException(p, Response.byeResponse(e));
        } finally {
            p.notifyResponseHandlers(all.toArray(new Response[0]));
        }
        return List.of(answers);
    }
}
