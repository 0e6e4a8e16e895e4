package org.mailmigrator.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.List;

/**
 * The servers of the OAuth2 tests, started once per test class: the authorization server ({@link MockOAuth2Server}),
 * a Dovecot whose only passdb is oauth2 and that trusts the authorization server's keys (for tokens whose azp is the
 * tests' client id, or any), and a password Dovecot for the other side of a migration.
 */
public class OAuth2TestServers implements AutoCloseable {
    public final MockOAuth2Server auth;
    public final DovecotOAuth2 oauthImap;
    public final Dovecot passwordImap;

    /**
     * Starts the three servers; the OAuth2 Dovecot trusts the signing keys of {@code issuers} for tokens whose azp
     * is {@code client} and for the others ({@code default}).
     */
    protected OAuth2TestServers(String client, List<String> issuers) throws Exception {
        auth = MockOAuth2Server.start();
        DovecotOAuth2 oauth = null;
        Dovecot password = null;
        try {
            oauth = DovecotOAuth2.start();
            password = Dovecot.start(Dovecot.Layout.SLASH, 0, false);
            DovecotOAuth2.trustIssuers(oauth.dovecot(), auth, issuers, List.of("default", client));
        } catch (Exception | Error e) {
            if (oauth != null) {
                oauth.close();
            }
            if (password != null) {
                password.close();
            }
            auth.close();
            throw e;
        }
        oauthImap = oauth;
        passwordImap = password;
    }

    /**
     * A service account key file of the test's own (a new RSA key), whose token_uri is {@code issuer}'s token
     * endpoint: the authorization server honours the jwt-bearer grant, as Google does for domain-wide delegation.
     */
    public Path serviceAccountKey(Path dir, String issuer) throws Exception {
        return serviceAccountKey(auth, dir, issuer);
    }

    /** {@link #serviceAccountKey(Path, String)} for the authorization server {@code auth}. */
    public static Path serviceAccountKey(MockOAuth2Server auth, Path dir, String issuer) throws Exception {
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

    /** The number of messages in a user's INBOX, asked with doveadm (no IMAP log-in needed). */
    public static int count(Dovecot d, String user) throws IOException, InterruptedException {
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
