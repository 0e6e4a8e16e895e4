package org.mailmigrator.connector.imap.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private final ServerSocket listener;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    CommandCountingRelay(int targetPort) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    pump(client.getInputStream(), server.getOutputStream(), true, client, server);
                    pump(server.getInputStream(), client.getOutputStream(), false, client, server);
                } catch (IOException e) {
                    // closed
                }
            }
        }, "counting-relay");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** How many commands of this name ("APPEND", "UID COPY") passed since the last reset. */
    int count(String command) {
        AtomicInteger n = counts.get(command.toUpperCase(Locale.ROOT));
        return n == null ? 0 : n.get();
    }

    void reset() {
        counts.clear();
    }

    private void pump(InputStream in, OutputStream out, boolean parse, Socket a, Socket b) {
        Thread t = new Thread(() -> {
            Parser parser = new Parser();
            byte[] buffer = new byte[16384];
            try {
                for (int n; (n = in.read(buffer)) > 0;) {
                    if (parse) {
                        parser.feed(buffer, n);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side closed
            } finally {
                close(a);
                close(b);
            }
        }, "counting-relay-pump");
        t.setDaemon(true);
        t.start();
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

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
