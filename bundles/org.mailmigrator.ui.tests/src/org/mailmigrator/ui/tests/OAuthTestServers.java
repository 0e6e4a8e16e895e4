package org.mailmigrator.ui.tests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
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
import org.mailmigrator.testing.DovecotOAuth2;
import org.mailmigrator.testing.MockOAuth2Server;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * The servers of the workbench's sign-in tests, started once per class: mock-oauth2-server, a Dovecot whose only
 * passdb is oauth2 (trusting the authorization server's keys) and a password Dovecot for the other side.
 */
final class OAuthTestServers implements AutoCloseable {
    /** The workbench's OAuth2 client in the tests; Dovecot looks keys up under the token's azp. */
    static final String CLIENT = "mailmigrator-workbench-test";
    final MockOAuth2Server auth;
    final DovecotOAuth2 oauthImap;
    final Dovecot passwordImap;

    private OAuthTestServers(MockOAuth2Server auth, DovecotOAuth2 oauthImap, Dovecot passwordImap) {
        this.auth = auth;
        this.oauthImap = oauthImap;
        this.passwordImap = passwordImap;
    }

    static OAuthTestServers start() throws Exception {
        MockOAuth2Server auth = MockOAuth2Server.start();
        DovecotOAuth2 oauth = DovecotOAuth2.start();
        Dovecot pw = Dovecot.start(Dovecot.Layout.SLASH, 0, false);
        for (JWK k : JWKSet.parse(auth.jwks("default")).getKeys()) {
            for (String azp : new String[] {"default", CLIENT}) {
                oauth.trustKey(azp, "RS256", k.getKeyID(), k.toRSAKey().toRSAPublicKey());
            }
        }
        return new OAuthTestServers(auth, oauth, pw);
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

    /**
     * A service account key of the test's own (a new RSA key) whose token_uri is the authorization server's: it
     * honours the jwt-bearer grant as Google does for domain-wide delegation.
     */
    Path serviceAccountKey(Path dir) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(((RSAPrivateKey) pair.getPrivate()).getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        String json = "{\"type\": \"service_account\", \"project_id\": \"test\", \"private_key_id\": \"k1\","
                + "\"private_key\": \"" + pem.replace("\n", "\\n") + "\", \"client_email\": \"migrator@test.iam.example\","
                + "\"client_id\": \"1\", \"token_uri\": \"" + auth.tokenEndpoint("default") + "\"}";
        Path file = dir.resolve("service-account.json");
        Files.writeString(file, json);
        return file;
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
        String out = oauthImap.dovecot().doveadm("mailbox", "status", "-u", user, "messages", "INBOX");
        return Integer.parseInt(out.trim().replaceAll(".*messages=(\\d+).*", "$1"));
    }

    @Override
    public void close() {
        oauthImap.close();
        passwordImap.close();
        auth.close();
    }
}
