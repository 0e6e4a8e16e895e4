package org.mailmigrator.connector.imap.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mailmigrator.testing.Relay;

/**
 * A TCP relay on loopback in front of an IMAP server that counts the commands clients send, as they pass on the
 * wire: {@code APPEND}, {@code UID COPY}, ... by name. Literals ({@code {n}} and {@code {n+}}) are skipped by
 * length, so message bytes never count as commands; the messages of APPEND commands are counted apart
 * ({@link #APPENDED}: one literal each, several in one MULTIAPPEND). What a test measures here is what the server received, not
 * what the client believes it sent.
 */
final class CommandCountingRelay implements AutoCloseable {
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\+?\\}$");
    private static final Pattern COMMAND = Pattern.compile("^\\S+ (UID \\S+|\\S+)");
    /** The count of messages sent in APPEND commands (MULTIAPPEND sends several in one). */
    static final String APPENDED = "APPENDED MESSAGES";
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Relay relay;

    CommandCountingRelay(int targetPort) throws IOException {
        relay = Relay.to(targetPort).name("counting-relay").onOpen(link -> {
            Parser parser = new Parser();
            link.up(Relay.copy((b, n, before) -> parser.feed(b, n)));
        }).start();
    }

    int port() {
        return relay.port();
    }

    /** How many commands of this name ("APPEND", "UID COPY") passed since the last reset. */
    int count(String command) {
        AtomicInteger n = counts.get(command.toUpperCase(Locale.ROOT));
        return n == null ? 0 : n.get();
    }

    void reset() {
        counts.clear();
    }

    /** Splits the client's bytes into command lines, skipping literals; the first line of a command counts. */
    private final class Parser {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private long skip;
        private boolean continuing;
        private String command = "";

        void feed(byte[] b, int n) {
            for (int i = 0; i < n; i++) {
                if (skip > 0) {
                    long take = Math.min(skip, n - i);
                    skip -= take;
                    i += (int) take - 1;
                    continue;
                }
                if (b[i] != '\n') {
                    line.write(b[i]);
                    continue;
                }
                String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
                line.reset();
                if (!continuing) {
                    Matcher m = COMMAND.matcher(text);
                    command = m.find() ? m.group(1).toUpperCase(Locale.ROOT) : "";
                    if (!command.isEmpty()) {
                        counts.computeIfAbsent(command, k -> new AtomicInteger()).incrementAndGet();
                    }
                }
                Matcher lit = LITERAL.matcher(text);
                continuing = lit.find();
                if (continuing) {
                    skip = Long.parseLong(lit.group(1));
                    if (command.equals("APPEND")) { // one literal per message, several with MULTIAPPEND
                        counts.computeIfAbsent(APPENDED, k -> new AtomicInteger()).incrementAndGet();
                    }
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        relay.close();
    }
}
