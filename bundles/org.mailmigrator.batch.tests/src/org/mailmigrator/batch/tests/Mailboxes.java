package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MessageBody;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Dovecot;

/**
 * Test mailboxes: filled over IMAP straight to Dovecot (not through the proxy under observation), and
 * compared message by message by reading Dovecot's Maildir files (bytes, flags, date), independent of
 * the connector under test.
 */
final class Mailboxes {
    static final List<String> FOLDERS = List.of("INBOX", "Archive/2024", "Sent");

    private Mailboxes() {
    }

    static void fill(Dovecot d, String user, int messages, long seed, int bigBytes) throws Exception {
        Random r = new Random(seed);
        Account a = new Account("imap", Map.of("host", Dovecot.HOST, "port", String.valueOf(d.imapPort()), "security",
                "plain", "login", user), new CredentialRef(user));
        try (ConnectorSession s = new ImapConnector().open(a, Role.DESTINATION, ConnectContext.of(Secret.of(Dovecot.PASSWORD)))) {
            MailStore store = s.capability(MailStore.class).orElseThrow();
            for (String f : FOLDERS) {
                if (!f.equals("INBOX")) {
                    store.create(f, true);
                    store.subscribe(f);
                }
            }
            for (String f : FOLDERS) {
                try (Mailbox box = store.open(f, true)) {
                    for (int i = 0; i < messages / FOLDERS.size(); i++) {
                        String text = "From: " + user + "@example.org\r\nTo: x@example.net\r\nSubject: " + f + " #" + i
                                + " of " + user + "\r\nMessage-ID: <" + seed + "." + i + "." + f.hashCode() + "@test>\r\n\r\n"
                                + "body " + "y".repeat(r.nextInt(2000)) + "\r\n";
                        box.append(body(text.getBytes(StandardCharsets.UTF_8)), i % 2 == 0 ? Set.of("\\Seen") : Set.of(),
                                Instant.ofEpochSecond(1_600_000_000L + r.nextInt(10_000_000)));
                    }
                    if (bigBytes > 0 && f.equals("INBOX")) {
                        String big = "From: big@example.org\r\nSubject: big one of " + user + "\r\n\r\n"
                                + "z".repeat(bigBytes) + "\r\n";
                        box.append(body(big.getBytes(StandardCharsets.UTF_8)), Set.of(), Instant.ofEpochSecond(1_650_000_000L));
                    }
                }
            }
        }
    }

    /** Appends {@code count} messages of {@code bytes} bytes each to the INBOX (sizes the server reports exactly). */
    static void fillSized(Dovecot d, String user, int count, int bytes) throws Exception {
        Account a = new Account("imap", Map.of("host", Dovecot.HOST, "port", String.valueOf(d.imapPort()), "security",
                "plain", "login", user), new CredentialRef(user));
        try (ConnectorSession s = new ImapConnector().open(a, Role.DESTINATION, ConnectContext.of(Secret.of(Dovecot.PASSWORD)));
                Mailbox box = s.capability(MailStore.class).orElseThrow().open("INBOX", true)) {
            for (int i = 0; i < count; i++) {
                String head = "From: sized@example.org\r\nSubject: sized " + i + " of " + user + "\r\n\r\n";
                String text = head + "s".repeat(bytes - head.length() - 2) + "\r\n";
                box.append(body(text.getBytes(StandardCharsets.US_ASCII)), Set.of(), Instant.ofEpochSecond(1_650_000_000L + i));
            }
        }
    }

    static MessageBody body(byte[] b) {
        return MessageBody.of(b);
    }

    /** Folder (Maildir directory) to sorted "sha256 flags mtime" lines. */
    static Map<String, List<String>> snapshot(Dovecot d, String user) throws Exception {
        Path root = d.directory().resolve("home").resolve(user).resolve("Maildir");
        Map<String, List<String>> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String parent = f.getParent().getFileName().toString();
                if (!parent.equals("cur") && !parent.equals("new")) {
                    continue;
                }
                String folder = root.relativize(f.getParent().getParent()).toString();
                String name = f.getFileName().toString();
                String flags = name.contains(":2,") ? name.substring(name.indexOf(":2,") + 3) : "";
                String line = HexFormat.of().formatHex(sha.digest(Files.readAllBytes(f))) + " " + flags + " "
                        + Files.getLastModifiedTime(f).toInstant().getEpochSecond();
                out.computeIfAbsent(folder, k -> new ArrayList<>()).add(line);
            }
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    /** Every message of the source is on the destination, once, with its flags and date; nothing else. */
    static void assertSame(Dovecot d, String src, String dst) throws Exception {
        Map<String, List<String>> a = snapshot(d, src);
        Map<String, List<String>> b = snapshot(d, dst);
        assertTrue(a.values().stream().mapToInt(List::size).sum() > 0, "the source " + src + " has messages");
        assertEquals(a, b, "messages of " + src + " (source) and " + dst + " (destination)");
    }

    /** The bytes of a user's message files (Dovecot keeps them with bare LFs: fewer than on the wire). */
    static long bytes(Dovecot d, String user) throws Exception {
        Path root = d.directory().resolve("home").resolve(user).resolve("Maildir");
        try (Stream<Path> files = Files.walk(root)) {
            long total = 0;
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String parent = f.getParent().getFileName().toString();
                total += parent.equals("cur") || parent.equals("new") ? Files.size(f) : 0;
            }
            return total;
        }
    }

    static int count(Dovecot d, String user) throws Exception {
        return snapshot(d, user).values().stream().mapToInt(List::size).sum();
    }
}
