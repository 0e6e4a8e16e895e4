package org.mailmigrator.connector.imap.tests;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mailmigrator.testing.Relay;

/**
 * An IMAP relay on loopback that answers for the server the way providers do when a client goes past their
 * limits: every {@code every}-th command of the chosen verbs (counted over all connections) is not passed on;
 * the client gets one of the injected answers in turn instead, at most {@code max} times:
 * <ul>
 * <li>{@code TAG NO [THROTTLED] ...} (Gmail),</li>
 * <li>{@code TAG NO [OVERQUOTA] Account exceeded command or bandwidth limits.} (Gmail's bandwidth limit),</li>
 * <li>{@code * BYE Session expired, please login again.} and the connection closed (Gmail),</li>
 * <li>{@code TAG NO Request is throttled. Suggested Backoff Time: N milliseconds} (Microsoft).</li>
 * </ul>
 * The client's commands are read line by line with their literals ({@code {N}} waits for the server's
 * continuation, {@code {N+}} does not), so an APPEND can be refused before or after its body. One answer at most
 * per burst of pipelined commands (the engine's STATUS of every folder): the commands the client had already sent
 * behind the one answered pass on, so that each answer ends one attempt of the client and is said once in its log.
 * Counts the APPEND commands that reached the server.
 */
final class LimitRelay implements AutoCloseable {
    /** The answers a provider gives when a client goes past its limits. */
    enum Answer {
        THROTTLED("NO [THROTTLED] Too many commands, slow down"),
        BANDWIDTH("NO [OVERQUOTA] Account exceeded command or bandwidth limits."),
        SESSION_EXPIRED(null),
        MICROSOFT("NO Request is throttled. Suggested Backoff Time: 1200 milliseconds");

        final String tagged;

        Answer(String tagged) {
            this.tagged = tagged;
        }
    }

    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)(\\+?)\\}$");
    private final Relay relay;
    private final List<String> verbs;
    private final int every;
    private final int max;
    private final List<Answer> answers;
    private final AtomicInteger seen = new AtomicInteger();
    final AtomicInteger injected = new AtomicInteger();
    final AtomicInteger appendsPassed = new AtomicInteger();
    final List<Answer> said = new CopyOnWriteArrayList<>();

    LimitRelay(int targetPort, List<String> verbs, int every, int max, List<Answer> answers) throws IOException {
        this.verbs = verbs.stream().map(v -> v.toUpperCase(Locale.ROOT)).toList();
        this.every = every;
        this.max = max;
        this.answers = answers;
        this.relay = Relay.to(targetPort).name("limit-relay")
                .onOpen(link -> link.up((in, up) -> commands(new BufferedInputStream(in), up, link))).start();
    }

    int port() {
        return relay.port();
    }

    /** Client to server, one command at a time, answering some of them itself. */
    private void commands(InputStream in, Relay.Sink up, Relay.Link link) throws IOException {
        byte[] line;
        boolean behindAnswer = false; // a command the client sent, pipelined, behind one the relay answered
        while ((line = Relay.line(in)) != null) {
            String text = new String(line, StandardCharsets.ISO_8859_1).trim();
            String[] words = text.split(" ", 4);
            String tag = words[0];
            String verb = words.length < 2 ? "" : words[1].toUpperCase(Locale.ROOT);
            if (verb.equals("UID") && words.length > 2) {
                verb = "UID " + words[2].toUpperCase(Locale.ROOT);
            }
            Answer answer = verbs.contains(verb) && !behindAnswer ? choose() : null;
            if (answer == null) {
                if (verb.equals("APPEND")) {
                    appendsPassed.incrementAndGet();
                }
                up.write(line);
                passLiterals(in, up, line);
                behindAnswer = behindAnswer && in.available() > 0;
                continue;
            }
            skipLiterals(in, line);
            said.add(answer);
            if (answer == Answer.SESSION_EXPIRED) {
                link.toClient().write("* BYE Session expired, please login again.\r\n".getBytes(StandardCharsets.US_ASCII));
                return; // the connection closed
            }
            link.toClient().write((tag + " " + answer.tagged + "\r\n").getBytes(StandardCharsets.US_ASCII));
            behindAnswer = in.available() > 0;
        }
    }

    private synchronized Answer choose() {
        int n = seen.incrementAndGet();
        if (n % every != 0 || injected.get() >= max) {
            return null;
        }
        return answers.get(injected.getAndIncrement() % answers.size());
    }

    /** A command line may end in a literal: its bytes, then the rest of the command (maybe more literals). */
    private static void passLiterals(InputStream in, Relay.Sink up, byte[] line) throws IOException {
        byte[] current = line;
        Matcher m;
        while ((m = LITERAL.matcher(new String(current, StandardCharsets.ISO_8859_1).trim())).find()) {
            up.write(in.readNBytes(Integer.parseInt(m.group(1))));
            current = Relay.line(in);
            if (current == null) {
                return;
            }
            up.write(current);
        }
    }

    /**
     * Refusing a command: a synchronizing literal is never sent (the client waits for a continuation and reads
     * the refusal instead); a non-synchronizing one ({@code {N+}}) comes anyway and is read and dropped.
     */
    private static void skipLiterals(InputStream in, byte[] line) throws IOException {
        byte[] current = line;
        Matcher m;
        while ((m = LITERAL.matcher(new String(current, StandardCharsets.ISO_8859_1).trim())).find()
                && !m.group(2).isEmpty()) {
            in.readNBytes(Integer.parseInt(m.group(1)));
            current = Relay.line(in);
            if (current == null) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        relay.close();
    }
}
