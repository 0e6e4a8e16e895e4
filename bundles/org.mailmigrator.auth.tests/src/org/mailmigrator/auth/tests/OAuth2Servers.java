package org.mailmigrator.auth.tests;

import java.util.List;
import java.util.Properties;

import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.MockOAuth2Server;
import org.mailmigrator.testing.OAuth2TestServers;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The servers of the OAuth2 tests ({@link OAuth2TestServers}), started once per test class, trusting the keys of the
 * default and the {@link MockOAuth2Server#SHORT short-lived} issuers; seeds the password Dovecot over IMAP.
 */
final class OAuth2Servers extends OAuth2TestServers {
    /** The client id of the interactive sign-in; Dovecot looks keys up under the token's azp. */
    static final String CLIENT = "mailmigrator-test";

    private OAuth2Servers() throws Exception {
        super(CLIENT, List.of("default", MockOAuth2Server.SHORT));
    }

    static OAuth2Servers start() throws Exception {
        return new OAuth2Servers();
    }

    /** Puts {@code n} small messages into a user's INBOX on the password Dovecot. */
    void seed(String user, int n) throws Exception {
        Properties p = new Properties();
        Session session = Session.getInstance(p);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(org.eclipse.angus.mail.imap.IMAPStore.class.getClassLoader());
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", passwordImap.imapPort(), user, Dovecot.PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            Message[] msgs = new Message[n];
            for (int i = 0; i < n; i++) {
                MimeMessage m = new MimeMessage(session);
                m.setFrom(new InternetAddress("sender@example.org"));
                m.setSubject("OAuth2 test " + i);
                m.setText("message " + i + " of " + user);
                m.setSentDate(new java.util.Date(1_700_000_000_000L + i * 60_000L));
                msgs[i] = m;
            }
            inbox.appendMessages(msgs);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
