package org.mailmigrator.auth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.auth.ServiceAccountKey;
import org.mailmigrator.auth.SignIns;
import org.mailmigrator.auth.internal.JwtBearerTokens;
import org.mailmigrator.auth.LoopbackSignIn;
import org.mailmigrator.auth.internal.Fetched;
import org.mailmigrator.auth.internal.RefreshTokens;
import java.time.Duration;
import org.mailmigrator.cli.Cli;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.core.spi.SignIn;
import org.mailmigrator.testing.MockOAuth2Server;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signing in with OAuth2 bearer tokens to a Dovecot that validates them itself, tokens issued by a real
 * authorization server: SASL XOAUTH2 and OAUTHBEARER through {@code migrate}, expired and foreign-key tokens
 * refused with exit 4 and a message without the token, a token renewed for the connections opened after it
 * expired.
 */
class OAuth2SignInTest {
    @AutoClose
    private static OAuth2Servers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = OAuth2Servers.start();
    }

    record Run(int code, String out, String err) {
        String all() {
            return out + "\n" + err;
        }
    }

    static Run cli(List<String> args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Cli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static String oauthUrl(String user) {
        return "imap://" + user.replace("@", "%40") + "@127.0.0.1:" + servers.oauthImap.imapPort();
    }

    private static String passwordUrl(String user) {
        return "imap://" + user + "@127.0.0.1:" + servers.passwordImap.imapPort();
    }

    /** An access token for {@code user} from the authorization server (jwt-bearer grant with a key of our own). */
    private static String token(Path dir, String issuer, String user) throws Exception {
        Path key = servers.serviceAccountKey(dir, issuer);
        var tokens = new JwtBearerTokens(ServiceAccountKey.parse(Secret.of(Files.readString(key)), "test key"), user,
                SignIns.GOOGLE_SCOPES, Clock.systemUTC());
        return new String(tokens.accessToken().reveal());
    }

    /** A short-lived token whose sub is {@code user} (client_credentials with the user as client id). */
    private static String clientCredentialsToken(String issuer, String user) throws Exception {
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                servers.auth.tokenEndpoint(issuer)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + java.net.URLEncoder.encode(user, java.nio.charset.StandardCharsets.UTF_8)
                        + "&client_secret=s&scope=imap")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body().replaceFirst("(?s).*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static List<String> migrate(Path dir, String source, String target, String... more) throws Exception {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, org.mailmigrator.testing.Dovecot.PASSWORD + "\n");
        List<String> args = new ArrayList<>(List.of("migrate", "--source", source, "--target", target,
                "--allow-plaintext", "--state", dir.resolve("state").toString()));
        for (String m : more) {
            args.add(m);
        }
        if (!args.contains("--source-token-file") && !args.contains("--source-service-account")) {
            args.addAll(List.of("--source-password-file", pw.toString()));
        }
        if (!args.contains("--target-token-file") && !args.contains("--target-service-account")) {
            args.addAll(List.of("--target-password-file", pw.toString()));
        }
        return args;
    }

    @Test
    void oauthbearerWritesAndXoauth2Reads(@TempDir Path dir) throws Exception {
        servers.seed("pw-src", 3);
        String user = "alice@example.org";
        String token = token(dir, "default", user);
        Path tokenFile = dir.resolve("alice.token");
        Files.writeString(tokenFile, token + "\n");

        Run in = cli(migrate(dir, passwordUrl("pw-src"), oauthUrl(user), "--target-auth", "oauthbearer",
                "--target-token-file", tokenFile.toString()));
        assertEquals(0, in.code(), in + "\n" + servers.oauthImap.log());
        assertEquals(3, OAuth2Servers.count(servers.oauthImap.dovecot(), user));

        Files.createDirectories(dir.resolve("back"));
        Run out = cli(migrate(dir.resolve("back"), oauthUrl(user), passwordUrl("pw-back"), "--source-auth", "xoauth2",
                "--source-token-file", tokenFile.toString()));
        assertEquals(0, out.code(), out + "\n" + servers.oauthImap.log());
        assertEquals(3, OAuth2Servers.count(servers.passwordImap, "pw-back"));
        String log = servers.oauthImap.log();
        assertTrue(log.contains("mech=OAUTHBEARER") || log.contains("OAUTHBEARER"), "Dovecot saw OAUTHBEARER: " + log);
        for (Run r : List.of(in, out)) {
            assertFalse(r.all().contains(token), "the token must never be printed: " + r);
        }
    }

    @Test
    void expiredTokenIsRefusedWithExit4(@TempDir Path dir) throws Exception {
        String user = "bob@example.org";
        String token = clientCredentialsToken(MockOAuth2Server.SHORT, user);
        Path tokenFile = dir.resolve("bob.token");
        Files.writeString(tokenFile, token);
        Thread.sleep((MockOAuth2Server.SHORT_SECONDS + 1) * 1000L);
        servers.seed("pw-exp", 1);
        Run run = cli(migrate(dir, passwordUrl("pw-exp"), oauthUrl(user), "--target-auth", "xoauth2",
                "--target-token-file", tokenFile.toString()));
        assertEquals(4, run.code(), run.toString());
        assertTrue(run.err().contains("did not accept the OAuth2 access token"), run.err());
        assertTrue(run.err().contains("cannot be renewed"), run.err());
        assertFalse(run.all().contains(token), "the token must never be printed: " + run);
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefusedWithExit4(@TempDir Path dir) throws Exception {
        String user = "eve@example.org";
        String kid = JWKSet.parse(servers.auth.jwks("default")).getKeys().get(0).getKeyID();
        var pair = KeyPairGenerator.getInstance("RSA");
        pair.initialize(2048);
        var keys = pair.generateKeyPair();
        Instant now = Instant.now();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid)
                .build(), new JWTClaimsSet.Builder().issuer(servers.auth.issuer("default").toString()).subject(user)
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600))).build());
        forged.sign(new RSASSASigner(keys.getPrivate()));
        Path tokenFile = dir.resolve("eve.token");
        Files.writeString(tokenFile, forged.serialize());
        servers.seed("pw-forged", 1);
        Run run = cli(migrate(dir, passwordUrl("pw-forged"), oauthUrl(user), "--target-auth", "oauthbearer",
                "--target-token-file", tokenFile.toString()));
        assertEquals(4, run.code(), run.toString());
        assertTrue(run.err().contains("login refused") && run.err().contains("signed with a key"), run.err());
        assertFalse(run.all().contains(forged.serialize()), "the token must never be printed: " + run);
    }

    private static LoopbackSignIn.Provider provider(String issuer) {
        return new LoopbackSignIn.Provider(servers.auth.authorizationEndpoint(issuer), servers.auth.tokenEndpoint(issuer),
                OAuth2Servers.CLIENT, null, List.of("openid", "https://mail.google.com/"));
    }

    private static Account oauthAccount(String user) {
        return new Account("imap", Map.of("host", "127.0.0.1", "port", Integer.toString(servers.oauthImap.imapPort()),
                "security", "plain", "login", user), null);
    }

    private static ConnectContext bearer(SignIn.TokenSource tokens) {
        return ConnectContext.of(new SignIn.Bearer(SignIn.Mechanism.XOAUTH2, tokens), ConnectContext.of((Secret) null));
    }

    @Test
    void interactiveSignInThroughTheLoopbackRedirectThenRenewsFromTheSealedRefreshToken() throws Exception {
        String user = "carol@example.org";
        TestBrowser browser = new TestBrowser(user);
        LoopbackSignIn.Authorized signedIn = LoopbackSignIn.signIn(provider("default"), user, browser,
                Duration.ofSeconds(60));
        assertEquals(null, browser.failure.get());
        assertTrue(browser.redirect.toString().startsWith("http://127.0.0.1:"), browser.redirect.toString());
        assertTrue(browser.redirect.getQuery().contains("code="), browser.redirect.toString());
        try (ConnectorSession s = new ImapConnector().open(oauthAccount(user), Role.SOURCE, bearer(signedIn.tokens()))) {
            assertTrue(s.capability(MailStore.class).orElseThrow().folders().stream()
                    .anyMatch(f -> f.name().equals("INBOX")));
        }
        Secret sealed = signedIn.sealable();
        assertFalse(signedIn.toString().contains(new String(sealed.reveal())));
        // a later run: only the sealed authorized-user JSON, tokens renewed with the refresh token grant
        var later = SignIns.of(Map.of(SignIns.AUTH, "oauthbearer"), user, sealed, "the test's sealed secret").orElseThrow();
        var tokens = (RefreshTokens) ((SignIn.Bearer) later).tokens();
        try (ConnectorSession s = new ImapConnector().open(oauthAccount(user), Role.SOURCE,
                ConnectContext.of(later, ConnectContext.of((Secret) null)))) {
            assertEquals(1, tokens.obtained(), "one refresh grant");
        }
    }

    @Test
    void aRefusedTokenIsRenewedOnceAndLaterConnectionsUseRenewedTokens() throws Exception {
        String user = "renew@example.org";
        TestBrowser browser = new TestBrowser(user);
        LoopbackSignIn.Authorized signedIn = LoopbackSignIn.signIn(provider(MockOAuth2Server.SHORT), user, browser,
                Duration.ofSeconds(60));
        assertEquals(null, browser.failure.get());
        RefreshTokens tokens = signedIn.refreshing();
        // a token the source believes valid for an hour, but which the server refuses (it expired): renewed once
        String stale = clientCredentialsToken(MockOAuth2Server.SHORT, user);
        Thread.sleep((MockOAuth2Server.SHORT_SECONDS + 1) * 1000L);
        tokens = new RefreshTokens(servers.auth.tokenEndpoint(MockOAuth2Server.SHORT), OAuth2Servers.CLIENT, null,
                tokens.refreshToken(), user, Clock.systemUTC())
                .startingWith(new Fetched(Secret.of(stale), Instant.now().plusSeconds(3600), java.util.Optional.empty()));
        try (ConnectorSession session = new ImapConnector().open(oauthAccount(user), Role.SOURCE, bearer(tokens))) {
            assertEquals(1, tokens.obtained(), "the refused token was renewed once");
            MailStore store = session.capability(MailStore.class).orElseThrow();
            Thread.sleep((MockOAuth2Server.SHORT_SECONDS + 1) * 1000L); // that token has expired too now
            // the first folder may take over the store's own connection; the second needs a new one
            try (var first = store.open("INBOX", false); var second = store.open("INBOX", false)) {
                assertEquals(2, tokens.obtained(), "the new connection signed in with a renewed token");
            }
        }
    }
}
