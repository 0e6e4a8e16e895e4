package org.mailmigrator.connector.imap.tests;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A small deterministic mailbox with the cases that reference migrators get wrong: messages without
 * Message-ID, exact duplicates in one folder, a malformed MIME message, raw 8-bit headers, keywords,
 * {@code \Deleted}, a message bigger than the streaming threshold, nested, non-ASCII, empty and
 * unsubscribed folders, and a folder name with a dot.
 */
final class TestCorpus {
    record Mail(String folder, byte[] bytes, Set<String> flags, Instant date) {
    }

    static final List<String> FOLDERS = List.of("INBOX", "Sent", "Drafts", "Work", "Work/Projects",
            "Work/Projects/v2.0 release", "Clients/ACME Corp", "Reçus & factures", "日本語フォルダ", "Photos 📷",
            "Empty", "Old Mail");
    static final Set<String> UNSUBSCRIBED = Set.of("Old Mail");

    private TestCorpus() {
    }

    static List<Mail> generate(int perFolder, long seed) {
        Random r = new Random(seed);
        List<Mail> out = new ArrayList<>();
        int n = 0;
        for (String folder : FOLDERS) {
            if (folder.equals("Empty") || folder.equals("Work")) {
                continue;
            }
            for (int i = 0; i < perFolder; i++) {
                n++;
                String text = "Subject: Message " + n + " in " + folder + "\r\nFrom: a" + n + "@example.org\r\n"
                        + "To: b@example.net\r\nDate: Mon, 1 Jan 2024 10:00:00 +0100\r\n"
                        + (n % 7 == 0 ? "" : "Message-ID: <" + n + "@corpus.example>\r\n")
                        + "Content-Type: text/plain; charset=UTF-8\r\n\r\nBody " + n + " " + "x".repeat(r.nextInt(3000))
                        + "\r\n";
                out.add(new Mail(folder, text.getBytes(StandardCharsets.UTF_8), flags(r, n), date(r)));
            }
        }
        // exact duplicates (same bytes, flags, date) and a message with neither Message-ID nor Received
        Mail first = out.get(0);
        out.add(new Mail(first.folder(), first.bytes(), first.flags(), first.date()));
        out.add(new Mail(first.folder(), first.bytes(), first.flags(), first.date()));
        out.add(new Mail("Sent", "From: me@example.org\r\nSubject: no id\r\n\r\nhello\r\n".getBytes(StandardCharsets.UTF_8),
                Set.of("\\Seen"), Instant.parse("2020-02-29T12:00:00Z")));
        out.add(new Mail("Sent", "From: me@example.org\r\nSubject: no id\r\n\r\nhello\r\n".getBytes(StandardCharsets.UTF_8),
                Set.of("\\Seen"), Instant.parse("2020-02-29T12:00:00Z")));
        out.add(new Mail("INBOX", malformed(), Set.of("$Forwarded", "ProjectX"), Instant.parse("2019-05-01T08:30:00Z")));
        out.add(new Mail("INBOX", big(r, 3_300_000), Set.of("\\Flagged"), Instant.parse("2023-03-03T03:03:03Z")));
        return out;
    }

    /** A multipart whose boundary never closes, with a raw 8-bit Subject and an empty header line folded. */
    static byte[] malformed() {
        String s = "From: broken@example.org\r\nSubject: Ünïcode raw 8-bit\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"never-closed\"\r\n\r\npreamble\r\n--never-closed\r\n"
                + "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%not base64%%%\r\n"
                + "--wrong-boundary\r\n";
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] big(Random r, int size) {
        StringBuilder sb = new StringBuilder("From: big@example.org\r\nSubject: big attachment\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        while (sb.length() < size) {
            for (int i = 0; i < 76; i++) {
                sb.append(alphabet.charAt(r.nextInt(64)));
            }
            sb.append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static Set<String> flags(Random r, int n) {
        return switch (n % 6) {
        case 0 -> Set.of();
        case 1 -> Set.of("\\Seen");
        case 2 -> Set.of("\\Seen", "\\Answered", "$Forwarded");
        case 3 -> Set.of("\\Flagged", "$Label1", "Later");
        case 4 -> Set.of("\\Seen", "\\Deleted");
        default -> Set.of("\\Draft", "$MDNSent");
        };
    }

    private static Instant date(Random r) {
        return Instant.ofEpochSecond(1_262_304_000L + (long) (r.nextDouble() * 440_000_000L));
    }
}
