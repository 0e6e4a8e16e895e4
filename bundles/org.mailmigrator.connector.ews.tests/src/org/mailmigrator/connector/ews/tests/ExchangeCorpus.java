package org.mailmigrator.connector.ews.tests;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Dovecot;

/**
 * An Exchange mailbox as source mail, seeded into the EWS PROTOCOL FAKE: Inbox with more messages than one FindItem
 * page (the fake caps pages at 5), a sub-folder, Sent Items, Drafts, Deleted Items, Junk E-mail and a folder with a
 * non-ASCII name; an exact duplicate, a message without Message-ID, 8-bit and folded headers, a binary attachment;
 * read state, follow-up flag, replied/forwarded, categories (one with a space) and arrival dates. Each message
 * is described by the line a user would check in the destination: folder, flags, arrival date and exact bytes.
 */
final class ExchangeCorpus {
    /** Where each Exchange folder must arrive in Dovecot (special folders by role, the Inbox as INBOX). */
    static final Map<String, String> DOVECOT_FOLDER = Map.of("Inbox", "INBOX", "Inbox/Receipts", "INBOX/Receipts",
            "Sent Items", "Sent", "Drafts", "Drafts", "Deleted Items", "Trash", "Junk E-mail", "Junk",
            "Éléments à classer", "Éléments à classer");

    private static int counter;

    private ExchangeCorpus() {
    }

    /** What a message must look like in the destination: a comparable line (flags sorted, date, base64 bytes). */
    static String line(String folder, Set<String> flags, Instant date, byte[] bytes) {
        return folder + " " + new TreeSet<>(flags) + " " + date + " " + Base64.getEncoder().encodeToString(bytes);
    }

    /** Seeds the standard mailbox and returns the line each message must give in Dovecot. */
    static List<String> seed(EwsProtocolFake fake) throws Exception {
        FakeMailFolders f = fake.mail.folders;
        f.folders.put("mf-receipts", new FakeMailFolders.Folder("mf-receipts", "mf-inbox", "Receipts", "IPF.Note"));
        f.folders.put("mf-classer", new FakeMailFolders.Folder("mf-classer", "mf-root", "Éléments à classer", "IPF.Note"));
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            expected.add(put(fake, "Inbox", mime("Newsletter n°" + i, "<n" + i + "@example.org>", ""), i % 2 == 0, List.of(),
                    Map.of(), Set.of(i % 2 == 0 ? "\\Seen" : "")));
        }
        byte[] twin = mime("Quarterly figures", "<q1@example.org>", "");
        expected.add(put(fake, "Inbox", twin, true, List.of(), Map.of(), Set.of("\\Seen")));
        expected.add(put(fake, "Inbox", twin, false, List.of(), Map.of(), Set.of())); // exact duplicate
        expected.add(put(fake, "Inbox", mime("No identity at all", null, ""), false, List.of("Red category", "ProjectX"),
                Map.of(0x1090, 2), Set.of("\\Flagged", "Red_category", "ProjectX")));
        expected.add(put(fake, "Inbox", mime("Re: lunch", "<lunch@example.org>", ""), true, List.of(), Map.of(0x1081, 102),
                Set.of("\\Seen", "\\Answered")));
        expected.add(put(fake, "Inbox", attachment(), true, List.of(), Map.of(0x1081, 104), Set.of("\\Seen", "$Forwarded")));
        expected.add(put(fake, "Inbox/Receipts", mime("Your receipt", "<r1@shop.example>", ""), true, List.of(), Map.of(),
                Set.of("\\Seen")));
        expected.add(put(fake, "Sent Items", mime("Offer sent", "<offer@example.org>", ""), true, List.of(), Map.of(),
                Set.of("\\Seen")));
        expected.add(put(fake, "Drafts", mime("Unfinished", null, ""), true, List.of(), Map.of(0x0E07, 9),
                Set.of("\\Seen", "\\Draft")));
        expected.add(put(fake, "Deleted Items", mime("Old newsletter", "<news@example.org>", ""), true, List.of(), Map.of(),
                Set.of("\\Seen")));
        expected.add(put(fake, "Junk E-mail", mime("You won", "<spam@example.net>", ""), false, List.of(), Map.of(), Set.of()));
        expected.add(put(fake, "Éléments à classer", mime("Projet n°1 — état", "<p1@example.org>",
                "Réponse attendue, très bientôt.\r\n"), false, List.of(), Map.of(), Set.of()));
        return expected;
    }

    static String put(EwsProtocolFake fake, String folder, byte[] mime, boolean read, List<String> categories,
            Map<Integer, Integer> mapi, Set<String> flags) throws Exception {
        Instant received = Instant.parse("2021-03-04T08:15:30Z").plusSeconds(3607L * ++counter);
        fake.mail.put(folder, mime, read, categories, received, mapi);
        Set<String> expected = new TreeSet<>(flags);
        expected.remove("");
        return line(DOVECOT_FOLDER.get(folder), expected, received, mime);
    }

    static byte[] mime(String subject, String messageId, String extraBody) {
        String text = "From: Bob Écrivain <bob@example.org>\r\nTo: alice@example.org\r\nSubject: " + subject + "\r\n"
                + (messageId == null ? "" : "Message-ID: " + messageId + "\r\n") + "Date: Mon, 4 Mar 2019 09:15:30 +0100\r\n"
                + "X-Long: a folded header that goes on\r\n\tand on over a second line\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "Hello,\r\n" + extraBody + "Bye.\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A multipart message with every byte value in a base64 attachment. */
    private static byte[] attachment() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        String text = "From: carol@example.org\r\nTo: alice@example.org\r\nSubject: Fwd: the file\r\nMessage-ID: <file@example.org>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\n"
                + "See attached.\r\n--b1\r\nContent-Type: application/octet-stream; name=\"all.bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(all) + "\r\n--b1--\r\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A destination account as a mail client leaves it: Sent, Drafts, Trash and Junk exist (Dovecot marks them with
     * their special-use attributes), so Exchange's special folders must find them by role.
     */
    static void specialFolders(Dovecot dovecot, String user) throws Exception {
        try (ConnectorSession s = new ImapConnector().open(MailCorpus.imap(dovecot, user), Role.DESTINATION,
                ConnectContext.of(Secret.of(Dovecot.PASSWORD)))) {
            MailStore store = s.capability(MailStore.class).orElseThrow();
            for (String f : List.of("Sent", "Drafts", "Trash", "Junk")) {
                store.create(f, true);
            }
        }
    }

    /** Every message of a Dovecot account as {@link #line}s, read through the IMAP connector. */
    static List<String> inDovecot(Dovecot dovecot, String user) throws Exception {
        List<String> out = new ArrayList<>();
        try (ConnectorSession s = new ImapConnector().open(MailCorpus.imap(dovecot, user), Role.SOURCE,
                ConnectContext.of(Secret.of(Dovecot.PASSWORD)))) {
            MailStore store = s.capability(MailStore.class).orElseThrow();
            for (MailFolder folder : store.folders()) {
                if (!folder.selectable()) {
                    continue;
                }
                try (Mailbox box = store.open(folder.name(), false)) {
                    List<MessageInfo> details = box.details(box.list(null).stream().map(MessageInfo::id).toList());
                    box.read(details, group -> group.forEach(m -> {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        try {
                            m.body().writeTo(bytes);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        out.add(line(folder.name(), m.info().copyableFlags(), m.info().internalDate(), bytes.toByteArray()));
                    }));
                }
            }
        }
        out.sort(null);
        return out;
    }

    static Map<String, Integer> countByFolder(List<String> lines) {
        Map<String, Integer> out = new TreeMap<>();
        lines.forEach(l -> out.merge(l.substring(0, l.indexOf(" [")), 1, Integer::sum));
        return out;
    }
}
