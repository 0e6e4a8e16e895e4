package org.mailmigrator.ui.tests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mailmigrator.auth.SignIns;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.core.spi.SignIn;

import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.OAuth2TestServers;

/**
 * The servers of the workbench's sign-in tests ({@link OAuth2TestServers}), started once per class; points the
 * workbench's sign-in at the authorization server and seeds the OAuth2 Dovecot through the IMAP connector.
 */
final class OAuthTestServers extends OAuth2TestServers {
    /** The workbench's OAuth2 client in the tests; Dovecot looks keys up under the token's azp. */
    static final String CLIENT = "mailmigrator-workbench-test";

    private OAuthTestServers() throws Exception {
        super(CLIENT, List.of("default"));
    }

    static OAuthTestServers start() throws Exception {
        return new OAuthTestServers();
    }

    /** Points the workbench's "Sign in … in the browser" at the test's authorization server. */
    void useForSignIn() {
        System.setProperty("mailmigrator.oauth.clientId", CLIENT);
        System.setProperty("mailmigrator.oauth.authorizationEndpoint", auth.authorizationEndpoint("default").toString());
        System.setProperty("mailmigrator.oauth.tokenEndpoint", auth.tokenEndpoint("default").toString());
        System.setProperty("mailmigrator.oauth.scopes", "openid https://mail.google.com/");
    }

    String oauthServer() {
        return Dovecot.HOST + ":" + oauthImap.imapPort();
    }

    String passwordServer() {
        return Dovecot.HOST + ":" + passwordImap.imapPort();
    }

    /** A service account key of the test's own whose token_uri is the authorization server's (default issuer). */
    Path serviceAccountKey(Path dir) throws Exception {
        return serviceAccountKey(dir, "default");
    }

    /** Puts {@code n} small messages into a user's INBOX on the OAuth2 Dovecot, signing in with the key as the user. */
    void seed(String user, int n, Path key) throws Exception {
        Account a = new Account("imap", Map.of("host", Dovecot.HOST, "port", String.valueOf(oauthImap.imapPort()),
                "security", "plain", "login", user, "auth", "xoauth2"), new CredentialRef(user));
        SignIn signIn = SignIns.of(a.settings(), user, Secret.of(Files.readString(key)), "the test's key").orElseThrow();
        try (ConnectorSession s = new ImapConnector().open(a, Role.DESTINATION, ConnectContext.of(signIn,
                ConnectContext.of(Secret.of("unused"))))) {
            MailStore store = s.capability(MailStore.class).orElseThrow();
            try (Mailbox box = store.open("INBOX", true)) {
                for (int i = 0; i < n; i++) {
                    byte[] b = ("From: " + user + "\r\nSubject: workspace #" + i + "\r\nMessage-ID: <" + user.replace('@', '.')
                            + "." + i + "@ui-test>\r\n\r\nbody " + i + "\r\n").getBytes(StandardCharsets.UTF_8);
                    box.append(TestMailboxes.body(b), Set.of(), Instant.ofEpochSecond(1_600_000_000L + i));
                }
            }
        }
    }

    /** The number of messages in a user's INBOX on the OAuth2 Dovecot, asked with doveadm (no log-in). */
    int count(String user) throws Exception {
        return count(oauthImap.dovecot(), user);
    }
}
