package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Relay;

/**
 * Issue 14's per-host backoff: two rows of one batch read their sources from one host (the shared test {@link Relay}
 * in front of Dovecot). When both have sent their first {@code UID FETCH}, the relay answers row A's for the server
 * with Microsoft's throttling answer (back off 3000 ms) and passes row B's on: row B, which got no such answer,
 * sends nothing more to that host until the pause is over. Both rows then finish with every message.
 */
class HostBackoffTest {
    static final long PAUSE = 3000;

    @Test
    void aThrottlingAnswerToOneRowSlowsTheOtherRowsOnThatHost(@TempDir Path dir) throws Exception {
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH); Throttling relay = new Throttling(d.imapPort())) {
            Mailboxes.fillSized(d, "hb-a-src", 6, 2_000);
            Mailboxes.fillSized(d, "hb-b-src", 6, 2_000);
            Path file = dir.resolve("hosts.csv");
            Files.writeString(file, "source.server,source.login,source.password,destination.server,destination.login,"
                    + "destination.password\nimap://127.0.0.1:" + relay.port() + ",hb-a-src,testpass,imap://127.0.0.1:"
                    + d.imapPort() + ",hb-a-dst,testpass\nimap://127.0.0.1:" + relay.port() + ",hb-b-src,testpass,"
                    + "imap://127.0.0.1:" + d.imapPort() + ",hb-b-dst,testpass\n");
            CliRun run = CliRun.of("batch", "run", file.toString(), "--workspace", dir.resolve("ws").toString(),
                    "--allow-plaintext", "--parallel", "2", "--per-host", "16");
            assertEquals(0, run.code(), run + "\n" + relay.log);
            assertTrue(relay.injected > 0, "row A was answered 'throttled'\n" + relay.log);
            long after = relay.log.stream().filter(e -> e.user.equals("hb-b-src") && e.at > relay.released)
                    .mapToLong(e -> e.at).min().orElse(-1);
            assertTrue(after > 0, "row B went on afterwards\n" + relay.log);
            assertTrue(after - relay.injected >= PAUSE - 250, "row B's next command came " + (after - relay.injected)
                    + " ms after row A's throttling answer, not after the " + PAUSE + " ms pause\n" + relay.log);
            Mailboxes.assertSame(d, "hb-a-src", "hb-a-dst");
            Mailboxes.assertSame(d, "hb-b-src", "hb-b-dst");
        }
    }

    /** One command of a source connection: who sent it, when (ms), and its verb. */
    record Sent(String user, long at, String verb) {
    }

    /**
     * The relay: records each command with its connection's user; holds the first {@code UID FETCH} of each row until
     * both have come, then answers row A's as a throttled server would and passes row B's on.
     */
    static final class Throttling implements AutoCloseable {
        private final Relay relay;
        private final CountDownLatch both = new CountDownLatch(2);
        private final java.util.Set<String> arrived = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final List<Sent> log = new CopyOnWriteArrayList<>();
        volatile long injected;
        volatile long released;

        Throttling(int port) throws IOException {
            relay = Relay.to(port).name("throttling-relay").onOpen(link -> link.up((in, up) -> {
                String user = "";
                for (byte[] line; (line = Relay.line(in)) != null;) {
                    String text = new String(line, StandardCharsets.ISO_8859_1).trim();
                    String[] w = text.split(" ");
                    String verb = w.length < 2 ? "" : w[1].toUpperCase(Locale.ROOT)
                            + (w[1].equalsIgnoreCase("UID") && w.length > 2 ? " " + w[2].toUpperCase(Locale.ROOT) : "");
                    user = verb.equals("LOGIN") && w.length > 2 ? w[2].replace("\"", "")
                            : verb.equals("AUTHENTICATE") && w.length > 3 ? plainUser(w[3])
                            : user.equals("?") ? plainUser(w[0]) : verb.equals("AUTHENTICATE") ? "?" : user;
                    log.add(new Sent(user, System.currentTimeMillis(), verb));
                    if (verb.equals("UID FETCH") && user.startsWith("hb-") && arrived.add(user)) {
                        both.countDown(); // the first of each row's
                        both.await(20, TimeUnit.SECONDS);
                        if (user.equals("hb-a-src")) {
                            injected = System.currentTimeMillis();
                            link.toClient().write((w[0] + " NO Request is throttled. Suggested Backoff Time: " + PAUSE
                                    + " milliseconds\r\n").getBytes(StandardCharsets.US_ASCII));
                            continue;
                        }
                        for (long end = System.currentTimeMillis() + 20_000; injected == 0
                                && System.currentTimeMillis() < end;) {
                            Thread.sleep(5);
                        }
                        // row A's client must have read its answer before row B can be told of the pause: B's command
                        // released at the same instant raced it (CI: B's next command 2 ms after the answer)
                        Thread.sleep(500);
                        released = System.currentTimeMillis();
                    }
                    up.write(line);
                }
            })).start();
        }

        int port() {
            return relay.port();
        }

        /** The user of a SASL PLAIN response (base64 of authzid NUL user NUL password), or "" when it is none. */
        static String plainUser(String base64) {
            try {
                String[] parts = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8).split("\0");
                return parts.length >= 3 ? parts[1] : "";
            } catch (IllegalArgumentException e) {
                return "";
            }
        }

        @Override
        public void close() throws IOException {
            relay.close();
        }
    }
}
