package org.mailmigrator.connector.imap.tests;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.mailmigrator.testing.ImapServer;

/**
 * A small mailbox for the matrix: folder names with a dot, non-ASCII, emoji, '&', a hierarchy whose parent is
 * never created (a \Noselect parent), Sent; messages without Message-ID, an exact duplicate pair, a raw 8-bit
 * header (Cyrus rewrites it), keywords. Names are logical ('/'-separated) and translated to the server's
 * namespace when loaded.
 */
final class MatrixCorpus {
    record Mail(String folder, byte[] bytes, Set<String> flags, Instant date) {
    }

    private MatrixCorpus() {
    }

    /** The logical folders; a '.' inside a name only where the server's separator is not '.'. */
    static List<String> folders(char separator) {
        List<String> f = new ArrayList<>(List.of("INBOX", "Sent", "Reçus & factures", "日本語", "Photos 📷",
                "Projects/2019"));
        f.add(separator == '.' ? "Work/Release notes" : "Work/v2.0 release");
        return f;
    }

    static List<Mail> mails(char separator) {
        List<Mail> out = new ArrayList<>();
        int n = 0;
        for (String folder : folders(separator)) {
            for (int i = 0; i < 2; i++) {
                n++;
                out.add(new Mail(folder, text(n, folder, n % 5 != 0), n % 3 == 0 ? Set.of("\\Seen", "$Label1")
                        : Set.of(), Instant.parse("2024-01-01T10:00:00Z").plusSeconds(3600L * n)));
            }
        }
        Mail dup = out.get(0);
        out.add(new Mail(dup.folder(), dup.bytes(), dup.flags(), dup.date()));
        out.add(new Mail("INBOX", eightBit(), Set.of("\\Flagged"), Instant.parse("2023-05-06T07:08:09Z")));
        return out;
    }

    static byte[] text(int n, String folder, boolean messageId) {
        return ("From: sender" + n + "@example.org\r\nTo: rcpt@example.net\r\nSubject: matrix " + n + "\r\n"
                + "Date: Mon, 1 Jan 2024 10:00:00 +0100\r\n" + (messageId ? "Message-ID: <m" + n + "@matrix.example>\r\n" : "")
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nBody " + n + " of " + folder + "\r\n" + "y".repeat(n * 37)
                + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Raw UTF-8 in the header (no RFC 2047): what Cyrus rewrites to X on APPEND. */
    static byte[] eightBit() {
        return ("From: =?UTF-8?Q?J=C3=BCrgen?= <j@example.org>\r\nSubject: Größe prüfen\r\n"
                + "Message-ID: <8bit@matrix.example>\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nGrüße\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The server-side name of a logical folder. */
    static String name(String logical, String prefix, char separator) {
        return logical.equals("INBOX") ? "INBOX" : prefix + logical.replace('/', separator);
    }

    static List<Mail> load(ImapServer server, String user) throws Exception {
        try (ImapProbe probe = ImapProbe.login(server, user)) {
            String prefix = probe.personalPrefix();
            char sep = probe.separator();
            List<Mail> mails = mails(sep);
            for (String f : folders(sep)) {
                if (!f.equals("INBOX")) {
                    probe.create(name(f, prefix, sep), true);
                }
            }
            for (Mail m : mails) {
                probe.append(name(m.folder(), prefix, sep), m.bytes(), m.flags(), m.date());
            }
            return mails;
        }
    }
}
