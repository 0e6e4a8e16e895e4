package org.mailmigrator.connector.ews.tests;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * Source mail in a real Dovecot: several folders (one with a non-ASCII name, one nested, one under INBOX, the
 * special Sent and Trash), an exact duplicate, a message without Message-ID, 8-bit headers, flags \Seen \Flagged \Answered and
 * keywords, each with its own arrival date. Loaded through the IMAP connector's destination side, which has its
 * own tests against Dovecot.
 */
final class MailCorpus {
    record Mail(String folder, byte[] bytes, Set<String> flags, Instant date, String subject) {
    }

    /** Where each source folder must arrive in Exchange (display-name paths under msgfolderroot). */
    static final Map<String, String> EXCHANGE_FOLDER = Map.of("INBOX", "Inbox", "INBOX/Receipts", "Inbox/Receipts",
            "Sent", "Sent Items", "Trash", "Deleted Items", "Work", "Work", "Work/Projects", "Work/Projects",
            "Éléments à classer", "Éléments à classer");

    private MailCorpus() {
    }

    static List<Mail> standard() {
        List<Mail> m = new ArrayList<>();
        m.add(mail("INBOX", "Quarterly figures", "<q1@example.org>", Set.of("\\Seen"), "2019-03-04T08:15:30Z", ""));
        m.add(mail("INBOX", "Quarterly figures", "<q1@example.org>", Set.of(), "2019-03-04T08:15:30Z", "")); // exact duplicate
        m.add(mail("INBOX", "No identity at all", null, Set.of("\\Flagged", "ProjectX"), "2020-07-14T22:01:02Z", ""));
        m.add(mail("INBOX", "Re: lunch", "<lunch@example.org>", Set.of("\\Seen", "\\Answered", "$Forwarded", "Client"),
                "2021-01-31T23:59:59Z", ""));
        m.add(mail("INBOX/Receipts", "Your receipt", "<r1@shop.example>", Set.of("\\Seen"), "2021-02-02T10:10:10Z", ""));
        m.add(mail("Sent", "Offer sent", "<offer@example.org>", Set.of("\\Seen"), "2018-11-05T10:00:00Z", ""));
        m.add(mail("Sent", "Second offer", "<offer2@example.org>", Set.of("\\Seen"), "2018-11-06T10:00:00Z", ""));
        m.add(mail("Trash", "Old newsletter", "<news@example.org>", Set.of("\\Seen"), "2017-02-02T02:02:02Z", ""));
        m.add(mail("Work", "Planning", "<plan@example.org>", Set.of(), "2022-05-05T05:05:05Z", ""));
        for (int i = 1; i <= 3; i++) {
            m.add(mail("Work/Projects", "Projet n°" + i + " — état", "<p" + i + "@example.org>", i == 2 ? Set.of("\\Seen") : Set.of(),
                    "2023-06-0" + i + "T12:00:00Z", "Réponse attendue, très bientôt.\r\n"));
        }
        m.add(mail("Éléments à classer", "À classer", "<c1@example.org>", Set.of(), "2024-02-29T12:34:56Z", ""));
        m.add(mail("Éléments à classer", "À classer aussi", null, Set.of("\\Seen", "\\Flagged"), "2024-03-01T00:00:01Z", ""));
        return m;
    }

    static Mail mail(String folder, String subject, String messageId, Set<String> flags, String date, String extraBody) {
        String text = "From: Bob Écrivain <bob@example.org>\r\nTo: alice@example.org\r\nSubject: " + subject + "\r\n"
                + (messageId == null ? "" : "Message-ID: " + messageId + "\r\n") + "Date: Mon, 4 Mar 2019 09:15:30 +0100\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "Hello,\r\n" + extraBody + "Bye.\r\n";
        return new Mail(folder, text.getBytes(StandardCharsets.UTF_8), flags, Instant.parse(date), subject);
    }

    static Account imap(Dovecot d, String user) {
        return new Account("imap", Map.of("host", Dovecot.HOST, "port", String.valueOf(d.imapPort()), "security", "plain",
                "login", user), new CredentialRef(user));
    }

    static void load(Dovecot d, String user, List<Mail> mails) throws Exception {
        try (ConnectorSession s = new ImapConnector().open(imap(d, user), Role.DESTINATION, ConnectContext.of(Secret.of(Dovecot.PASSWORD)))) {
            MailStore store = s.capability(MailStore.class).orElseThrow();
            for (Mail m : mails) {
                if (store.status(m.folder()).isEmpty()) {
                    store.create(m.folder(), true);
                }
                try (Mailbox box = store.open(m.folder(), true)) {
                    box.append(MessageBody.of(m.bytes()), m.flags(), m.date());
                }
            }
        }
    }
}
