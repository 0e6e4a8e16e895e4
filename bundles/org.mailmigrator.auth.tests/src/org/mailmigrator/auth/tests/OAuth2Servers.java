package org.mailmigrator.auth.tests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.DovecotOAuth2;
import org.mailmigrator.testing.MockOAuth2Server;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The servers of the OAuth2 tests, started once per test class: the authorization server, a Dovecot that only
 * takes its tokens (its keys written into Dovecot's key dictionary), and a password Dovecot for the other side.
 */
final class OAuth2Servers implements AutoCloseable {
    /** The client id of the interactive sign-in; Dovecot looks keys up under the token's azp. */
    static final String CLIENT = "mailmigrator-test";
    final MockOAuth2Server auth;
    final DovecotOAuth2 oauthImap;
    final Dovecot passwordImap;

    private OAuth2Servers(MockOAuth2Server auth, DovecotOAuth2 oauthImap, Dovecot passwordImap) {
        this.auth = auth;
        this.oauthImap = oauthImap;
        this.passwordImap = passwordImap;
    }

    static OAuth2Servers start() throws Exception {
        MockOAuth2Server auth = MockOAuth2Server.start();
        DovecotOAuth2 oauth = DovecotOAuth2.start();
        Dovecot pw = Dovecot.start(Dovecot.Layout.SLASH, 0, false);
        OAuth2Servers s = new OAuth2Servers(auth, oauth, pw);
        for (String issuer : List.of("default", MockOAuth2Server.SHORT)) {
            for (JWK k : JWKSet.parse(auth.jwks(issuer)).getKeys()) {
                for (String azp : List.of("default", CLIENT)) {
                    oauth.trustKey(azp, "RS256", k.getKeyID(), k.toRSAKey().toRSAPublicKey());
                }
            }
        }
        return s;
    }

    /**
     * A service account key file of the test's own (a new RSA key), whose token_uri is {@code issuer}'s token
     * endpoint: the authorization server honours the jwt-bearer grant, as Google does for domain-wide delegation.
     */
    Path serviceAccountKey(Path dir, String issuer) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(((RSAPrivateKey) pair.getPrivate()).getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        String json = "{"
                + "\"type\": \"service_account\", \"project_id\": \"test\", \"private_key_id\": \"k1\","
                + "\"private_key\": " + quote(pem) + ", \"client_email\": \"migrator@test.iam.example\","
                + "\"client_id\": \"1\", \"token_uri\": \"" + auth.tokenEndpoint(issuer) + "\"}";
        Path file = dir.resolve("service-account-" + issuer + ".json");
        Files.writeString(file, json);
        return file;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
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

    /** The number of messages in a user's INBOX, asked with doveadm (no IMAP log-in needed). */
    static int count(Dovecot d, String user) throws Exception {
        String out = d.doveadm("mailbox", "status", "-u", user, "messages", "INBOX");
        return Integer.parseInt(out.trim().replaceAll(".*messages=(\\d+).*", "$1"));
    }

    @Override
    public void close() {
        oauthImap.close();
        passwordImap.close();
        auth.close();
    }
}
