package org.mailmigrator.connector.pop3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.DovecotOAuth2;
import org.mailmigrator.testing.DovecotOptions;
import org.mailmigrator.testing.DovecotPop3;
import org.mailmigrator.testing.MockOAuth2Server;
import org.mailmigrator.testing.OAuth2TestServers;

/**
 * POP3 signed in with OAuth2 (SASL XOAUTH2) to Dovecot's POP3 server whose only passdb is {@code oauth2}, validating
 * the JWTs of a real authorization server (mock-oauth2-server) itself: a token file and a service account key read
 * the maildrop into a password Dovecot byte for byte; a token issued for another user and an expired token stop
 * with exit 4 and a message that says why and never shows the token; OAUTHBEARER, which Angus's POP3 lacks,
 * is refused plainly. Servers shared by the class.
 */
class Pop3OAuth2Test {
    private static MockOAuth2Server auth;
    private static DovecotPop3 pop3;
    private static Dovecot target;

    @BeforeAll
    static void start() throws Exception {
        auth = MockOAuth2Server.start();
        pop3 = DovecotPop3.start(DovecotOptions.of(Dovecot.Layout.SLASH).withTls(false),
                DovecotOAuth2.passdb("username_attribute = sub"));
        // client_credentials tokens name the client (here the user) as azp; service account tokens have none
        DovecotOAuth2.trustIssuers(pop3.dovecot(), auth, List.of("default", MockOAuth2Server.SHORT),
                List.of("default", "alice", "bob", "carol", "dave", "erin"));
        target = Dovecot.start(Dovecot.Layout.SLASH, 0, false);
    }

    @AfterAll
    static void stop() {
        Stream.<AutoCloseable>of(target, pop3, auth).forEach(c -> {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // the other servers still stop
            }
        });
    }

    /** An access token whose sub is {@code user} (client_credentials grant with the user as client id). */
    private static String token(String issuer, String user) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(auth.tokenEndpoint(issuer))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&client_secret=s&scope=pop3"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body().replaceFirst("(?s).*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    /** Three messages put into {@code user}'s maildrop (over IMAP, signed in with a token); their SHA-256s. */
    private static List<String> fill(String user) throws Exception {
        byte[][] messages = { Pop3Fixture.received(user + "1"), Pop3Fixture.dated(user + "2"),
                Pop3Fixture.undated(user + "3") };
        ImapView.appendSignedIn(pop3.dovecot().imapPort(), user, token("default", user), messages);
        List<String> digests = new ArrayList<>();
        for (byte[] m : messages) {
            digests.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(m)));
        }
        return digests.stream().sorted().toList();
    }

    private static Command migrate(Path dir, String user, String copy, String... signIn) throws Exception {
        Path pw = Files.writeString(dir.resolve("target.password"), Dovecot.PASSWORD + "\n");
        List<String> args = new ArrayList<>(List.of("migrate", "--source", "pop3://" + user + "@127.0.0.1:"
                + pop3.pop3Port(), "--target", "imap://" + copy + "@127.0.0.1:" + target.imapPort(),
                "--target-password-file", pw.toString(), "--allow-plaintext", "--state", dir.resolve("state").toString()));
        args.addAll(List.of(signIn));
        return Command.run(args.toArray(String[]::new));
    }

    private static void assertNoToken(Command run, String token) {
        assertFalse(run.out().contains(token) || run.err().contains(token), "the token must never be printed: " + run);
        assertFalse(run.out().contains("eyJ") || run.err().contains("eyJ"), "no JWT in the output: " + run);
    }

    @Test
    void tokenFileSignsInWithXoauth2AndCopiesTheMaildropByteForByte(@TempDir Path dir) throws Exception {
        List<String> source = fill("alice");
        String token = token("default", "alice");
        Path file = Files.writeString(dir.resolve("alice.token"), token + "\n");
        Command first = migrate(dir, "alice", "alice-copy", "--source-auth", "xoauth2", "--source-token-file",
                file.toString());
        assertEquals(0, first.code(), first + "\n" + pop3.dovecot().log());
        assertEquals(3, first.copied(), first.toString());
        assertEquals(source, ImapView.digests(ImapView.inbox(target.imapPort(), "alice-copy")),
                "the copy holds the maildrop's bytes");
        assertNoToken(first, token);
        String log = pop3.dovecot().log();
        assertTrue(log.lines().anyMatch(l -> l.contains("pop3-login:") && l.contains("Login: user=<alice>, method=XOAUTH2")),
                "Dovecot's POP3 saw an XOAUTH2 login: " + log);

        Command again = migrate(dir, "alice", "alice-copy", "--source-auth", "xoauth2", "--source-token-file",
                file.toString());
        assertEquals(0, again.code(), again.toString());
        assertEquals(0, again.copied(), "a rerun copies nothing: " + again);
    }

    @Test
    void serviceAccountKeySignsInForTheUser(@TempDir Path dir) throws Exception {
        List<String> source = fill("carol");
        Path key = OAuth2TestServers.serviceAccountKey(auth, dir, "default");
        Command run = migrate(dir, "carol", "carol-copy", "--source-service-account", key.toString());
        assertEquals(0, run.code(), run + "\n" + pop3.dovecot().log());
        assertEquals(3, run.copied(), run.toString());
        assertEquals(source, ImapView.digests(ImapView.inbox(target.imapPort(), "carol-copy")));
        String keyText = Files.readString(key);
        String keyPart = keyText.substring(keyText.indexOf("PRIVATE KEY-----") + 20).substring(0, 40);
        assertFalse(run.out().contains(keyPart) || run.err().contains(keyPart), "no key in the output: " + run);
        assertNoToken(run, "eyJ");
    }

    @Test
    void tokenOfAnotherUserIsRefusedWithExit4(@TempDir Path dir) throws Exception {
        fill("bob");
        String aliceToken = token("default", "alice");
        Path file = Files.writeString(dir.resolve("wrong.token"), aliceToken);
        Command run = migrate(dir, "bob", "bob-copy", "--source-auth", "xoauth2", "--source-token-file",
                file.toString());
        assertEquals(4, run.code(), run.toString());
        assertTrue(run.err().contains("login refused for bob@127.0.0.1:" + pop3.pop3Port())
                && run.err().contains("did not accept the OAuth2 access token (XOAUTH2)")
                && run.err().contains("cannot be renewed"), run.err());
        assertNoToken(run, aliceToken);
        assertEquals(0, OAuth2TestServers.count(target, "bob-copy"), "nothing copied");
    }

    @Test
    void expiredTokenIsRefusedWithExit4(@TempDir Path dir) throws Exception {
        fill("dave");
        String token = token(MockOAuth2Server.SHORT, "dave");
        Path file = Files.writeString(dir.resolve("dave.token"), token);
        Instant expiry = expiry(token);
        while (!Instant.now().isAfter(expiry.plusSeconds(1))) { // the token's own exp claim is the condition
            Thread.sleep(Duration.ofMillis(200));
        }
        Command run = migrate(dir, "dave", "dave-copy", "--source-auth", "xoauth2", "--source-token-file",
                file.toString());
        assertEquals(4, run.code(), run.toString());
        assertTrue(run.err().contains("did not accept the OAuth2 access token") && run.err().contains("cannot be renewed"),
                run.err());
        assertNoToken(run, token);
    }

    @Test
    void aNativeCsvRowSignsInWithItsTokenFile(@TempDir Path dir) throws Exception {
        List<String> source = fill("erin");
        String token = token("default", "erin");
        Path file = Files.writeString(dir.resolve("erin.token"), token);
        Path csv = Files.writeString(dir.resolve("pop3.csv"), "source.connector,source.host,source.port,"
                + "source.security,source.login,source.auth,source.tokenfile,destination.host,destination.port,"
                + "destination.security,destination.login,destination.password\n"
                + "pop3,127.0.0.1," + pop3.pop3Port() + ",plain,erin,xoauth2," + file + ",127.0.0.1,"
                + target.imapPort() + ",plain,erin-copy," + Dovecot.PASSWORD + "\n");
        Command run = Command.run("batch", "run", csv.toString(), "--workspace", dir.resolve("ws").toString(),
                "--allow-plaintext");
        assertEquals(0, run.code(), run + "\n" + pop3.dovecot().log());
        assertEquals(source, ImapView.digests(ImapView.inbox(target.imapPort(), "erin-copy")));
        assertNoToken(run, token);
        try (Stream<Path> files = Files.walk(dir.resolve("ws"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains("eyJ"),
                        "the token is sealed in the workspace: " + f);
            }
        }
    }

    @Test
    void oauthbearerIsRefusedPlainlyBeforeAnyLogin(@TempDir Path dir) throws Exception {
        String token = token("default", "alice");
        Path file = Files.writeString(dir.resolve("alice.token"), token);
        Command run = migrate(dir, "alice", "alice-ob", "--source-auth", "oauthbearer", "--source-token-file",
                file.toString());
        assertNotEquals(0, run.code(), run.toString());
        assertTrue(run.err().contains("supports OAuth2 only through SASL XOAUTH2"), run.err());
        assertNoToken(run, token);
    }

    /** The exp claim of a JWT. */
    private static Instant expiry(String jwt) {
        String claims = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return Instant.ofEpochSecond(Long.parseLong(claims.replaceFirst("(?s).*\"exp\"\\s*:\\s*(\\d+).*", "$1")));
    }
}
