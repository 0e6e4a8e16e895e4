package org.mailmigrator.auth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.Radicale;
import org.mailmigrator.testing.TokenTestServer;

/**
 * One batch row of a Google Workspace style domain carrying mail and calendars with one service account key and no
 * password anywhere: mail between two mailboxes of Dovecot's oauth2 passdb, calendars from one Radicale to another,
 * each behind a relay that only lets requests through with a valid bearer token of the authorization server for the
 * row's mailbox. The destination's relay takes a token for 3 s only and its writes are slow, so the token expires
 * mid-run; the source's relay revokes its first token mid-run: each time the connector's 401 path renews it once.
 */
class BearerDavBatchTest {
    private static final String CALENDAR_SCOPE = "https://www.googleapis.com/auth/calendar";
    @AutoClose
    private static OAuth2Servers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = OAuth2Servers.start();
    }

    @Test
    void mailAndCalendarsMoveWithOneServiceAccountKeyAndNoPassword(@TempDir Path dir) throws Exception {
        Path key = servers.serviceAccountKey(dir, "default");
        String user = "dav1@example.org";
        String newUser = "dav1-new@example.org";
        String oauth = "imap://127.0.0.1:" + servers.oauthImap.imapPort();
        List<String> output = new ArrayList<>();
        output.add(servers.fillThroughKey(dir, "davseed", 3, user, key));
        String jwks = servers.auth.jwks("default");
        try (Radicale src = Radicale.start(dir.resolve("src")); Radicale dst = Radicale.start(dir.resolve("dst"));
                BearerCheckingRelay in = new BearerCheckingRelay(src.port(), jwks, user, Radicale.LOGIN, Radicale.PASSWORD);
                BearerCheckingRelay out = new BearerCheckingRelay(dst.port(), jwks, newUser, Radicale.LOGIN,
                        Radicale.PASSWORD)) {
            seedCalendar(src, 6);
            in.revokeAfter(2); // the source's first token is revoked after its second request
            out.maxAge(3); // the destination takes a token for 3 s only...
            out.delay(700); // ...and its writes take longer: the token expires mid-run
            Path file = dir.resolve("domain.csv");
            Files.writeString(file, "source.server,source.login,source.auth,source.serviceaccount,destination.server,"
                    + "destination.login,destination.auth,destination.serviceaccount,calendar.source,calendar.target,"
                    + "calendar.password\n"
                    + oauth + "," + user + ",xoauth2," + key + "," + oauth + "," + newUser + ",oauthbearer," + key
                    + ",caldav+http://" + user.replace("@", "%40") + "@127.0.0.1:" + in.port() + "/,caldav+http://"
                    + newUser.replace("@", "%40") + "@127.0.0.1:" + out.port() + "/,\n"); // no calendar password
            Path workspace = dir.resolve("workspace");
            try {
                output.add(servers.cli(List.of("batch", "run", file.toString(), "--workspace", workspace.toString(),
                        "--allow-plaintext", "--report", dir.resolve("r1").toString()), 0));
            } catch (AssertionError e) {
                throw new AssertionError("source relay " + in + ", destination relay " + out + "\n" + e.getMessage(), e);
            }

            assertEquals(3, OAuth2Servers.count(servers.oauthImap.dovecot(), newUser), "the mail arrived");
            assertEquals(6, count(dst, ".ics"), "the 6 events arrived in the destination's Radicale");
            String summary = Files.readString(dir.resolve("r1/summary.txt"));
            assertTrue(summary.contains("calendar: created 6, updated 0, unchanged 0, failed 0"), summary);
            assertTrue(in.refusedOther() >= 1 && in.tokens() >= 2, "the revoked token was refused and renewed: refused "
                    + in.refusedOther() + ", tokens " + in.tokens());
            assertTrue(out.refusedExpired() >= 1 && out.tokens() >= 2, "the destination's token expired and was renewed "
                    + "during the run: refused " + out.refusedExpired() + ", tokens " + out.tokens());
            assertEquals(0, out.refusedOther(), "every destination request carried a token of the right mailbox");
            for (String s : in.scopes()) {
                assertTrue(s.equals("null") || s.contains(CALENDAR_SCOPE) && !s.contains("mail.google.com"),
                        "a calendar leg asks the calendar scope only: " + s);
            }

            // a second run: nothing new to write
            output.add(servers.cli(List.of("batch", "run", "domain", "--workspace", workspace.toString(), "--allow-plaintext",
                    "--delta", "--report", dir.resolve("r2").toString()), 0));
            String again = Files.readString(dir.resolve("r2/summary.txt"));
            // the DAV source is read incrementally (sync-token): nothing changed, nothing read, nothing written
            assertTrue(again.contains("calendar: created 0, updated 0, unchanged 0, failed 0"), again);
            assertEquals(6, count(dst, ".ics"), "nothing new in the destination's Radicale");

            OAuth2Servers.assertNoKeyOrToken(key, output, workspace);
        }
    }

    /**
     * {@code migrate} with a CalDAV URL on both sides signs in with the OAuth2 options as a batch row's legs do: one
     * service account key, a token per mailbox (each relay checks its {@code sub}), the calendar scope only, no password.
     */
    @Test
    void migrateWithDavUrlsSignsInWithTheServiceAccountOptions(@TempDir Path dir) throws Exception {
        Path key = servers.serviceAccountKey(dir, "default");
        String user = "dav2@example.org";
        String newUser = "dav2-new@example.org";
        String jwks = servers.auth.jwks("default");
        try (Radicale src = Radicale.start(dir.resolve("src")); Radicale dst = Radicale.start(dir.resolve("dst"));
                BearerCheckingRelay in = new BearerCheckingRelay(src.port(), jwks, user, Radicale.LOGIN, Radicale.PASSWORD);
                BearerCheckingRelay out = new BearerCheckingRelay(dst.port(), jwks, newUser, Radicale.LOGIN, Radicale.PASSWORD)) {
            seedCalendar(src, 3);
            List<String> args = List.of("migrate", "--source", "caldav+http://" + user.replace("@", "%40") + "@127.0.0.1:"
                    + in.port() + "/", "--source-service-account", key.toString(), "--target", "caldav+http://"
                    + newUser.replace("@", "%40") + "@127.0.0.1:" + out.port() + "/", "--target-service-account", key.toString(),
                    "--allow-plaintext", "--state", dir.resolve("state").toString());
            String first = servers.cli(args, 0);
            assertTrue(first.contains("created 3, updated 0, unchanged 0, failed 0"), first);
            assertEquals(3, count(dst, ".ics"), "the 3 events arrived through the bearer-checking relays");
            assertTrue(in.accepted() >= 1 && out.accepted() >= 1, "both sides signed in with tokens");
            assertEquals(0, in.refusedOther() + out.refusedOther(), "every request carried a token of its own mailbox");
            for (String scope : in.scopes()) {
                assertTrue(scope.contains(CALENDAR_SCOPE) && !scope.contains("mail.google.com"), "calendar scope only: " + scope);
            }
            String keyText = Files.readString(key);
            String keyPart = keyText.substring(keyText.indexOf("PRIVATE KEY-----") + 20).substring(0, 40);
            assertFalse(first.contains(keyPart) || first.contains("eyJ"), "no key or token in the output: " + first);
            String second = servers.cli(args, 0);
            assertTrue(second.contains("created 0, updated 0, unchanged 0, failed 0"), second);
        }
    }

    /**
     * A refresh token the provider rotates (each refresh answers a new one, the old one is refused from then on) is
     * written back to the {@code --source-token-file} it came from, atomically and owner-only: the second run signs in
     * with the rotated token, never with the refused old one, and neither token is ever printed.
     */
    @Test
    void aRotatedRefreshTokenIsWrittenBackToTheTokenFile(@TempDir Path dir) throws Exception {
        String user = "dav3@example.org";
        try (TokenTestServer provider = new TokenTestServer(user, "rt-0-first"); Radicale src = Radicale.start(dir.resolve("src"));
                Radicale dst = Radicale.start(dir.resolve("dst"));
                BearerCheckingRelay in = new BearerCheckingRelay(src.port(), provider.jwks(), user, Radicale.LOGIN, Radicale.PASSWORD)) {
            seedCalendar(src, 2);
            Path tokenFile = dir.resolve("alice-token.json");
            Files.writeString(tokenFile, "{\"type\": \"authorized_user\", \"client_id\": \"c1\", \"client_secret\": \"s1\","
                    + " \"refresh_token\": \"rt-0-first\", \"token_uri\": \"" + provider.tokenEndpoint() + "\"}");
            Files.setPosixFilePermissions(tokenFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            Path pw = Files.writeString(dir.resolve("pw"), Radicale.PASSWORD);
            List<String> args = List.of("migrate", "--source", "caldav+http://" + user.replace("@", "%40") + "@127.0.0.1:"
                    + in.port() + "/", "--source-token-file", tokenFile.toString(), "--target", "caldav+http://"
                    + Radicale.LOGIN + "@127.0.0.1:" + dst.port() + "/", "--target-password-file", pw.toString(),
                    "--allow-plaintext", "--state", dir.resolve("state").toString());
            String first = servers.cli(args, 0);
            assertEquals(2, count(dst, ".ics"), first);
            String rotated = provider.refreshToken();
            assertTrue(provider.rotations() >= 1 && !rotated.equals("rt-0-first"), "the provider rotated the token");
            String kept = Files.readString(tokenFile).replace("\\/", "/"); // JSON may escape the slashes of the URL
            assertTrue(kept.contains("\"refresh_token\":\"" + rotated + "\"") && !kept.contains("rt-0-first"),
                    "the file holds the rotated token, not the old one");
            assertTrue(kept.contains("\"client_secret\":\"s1\"") && kept.contains(provider.tokenEndpoint().toString()),
                    "the rest of the file is kept");
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
            try (Stream<Path> left = Files.list(dir)) {
                assertEquals(List.of(), left.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList(), "no temporary file left");
            }

            seedEvent(src, "later");
            String second = servers.cli(args, 0);
            assertTrue(second.contains("created 1,"), "the second run signed in with the rotated token: " + second);
            assertEquals(0, provider.refusedGrants(), "the old refresh token was never sent again");
            assertTrue(Files.readString(tokenFile).contains(provider.refreshToken()), "rotated again, written again");
            for (String o : List.of(first, second)) {
                assertFalse(o.contains("rt-0-first") || o.contains(rotated) || o.contains("eyJ"), "no token printed: " + o);
            }
        }
    }

    /**
     * A batch row whose source signs in with an authorized user JSON ({@code source.tokenfile}, sealed in the store at
     * import) against a provider that rotates refresh tokens: the rotated token is sealed again in the store before
     * use, so the second run (the token file gone) signs in with it; the first token is refused by the provider by
     * then, and no refresh token is in the output or in any file of the workspace.
     */
    @Test
    void aRotatedRefreshTokenOfABatchRowIsSealedAgainInTheStore(@TempDir Path dir) throws Exception {
        String user = "rot1@example.org";
        String newUser = "rot1-new@example.org";
        Path key = servers.serviceAccountKey(dir, "default");
        List<String> output = new ArrayList<>();
        output.add(servers.fillThroughKey(dir, "rotseed", 2, user, key));
        try (TokenTestServer provider = new TokenTestServer(user, "rt-0-first")) {
            servers.oauthImap.trustKey("default", "RS256", provider.keyId(), provider.publicKey());
            Path tokenFile = dir.resolve("rot1-token.json");
            Files.writeString(tokenFile, "{\"type\": \"authorized_user\", \"client_id\": \"c1\", \"client_secret\": \"s1\","
                    + " \"refresh_token\": \"rt-0-first\", \"token_uri\": \"" + provider.tokenEndpoint() + "\"}");
            Path file = dir.resolve("rotating.csv");
            Files.writeString(file, "source.server,source.login,source.auth,source.tokenfile,destination.server,"
                    + "destination.login,destination.password\nimap://127.0.0.1:" + servers.oauthImap.imapPort() + "," + user
                    + ",xoauth2," + tokenFile + ",imap://127.0.0.1:" + servers.passwordImap.imapPort() + "," + newUser + ","
                    + org.mailmigrator.testing.Dovecot.PASSWORD + "\n");
            Path workspace = dir.resolve("workspace");
            output.add(servers.cli(List.of("batch", "run", file.toString(), "--workspace",
                    workspace.toString(), "--allow-plaintext", "--report", dir.resolve("r1").toString()), 0));
            assertEquals(2, OAuth2Servers.count(servers.passwordImap, newUser), "the mail arrived");
            String first = provider.refreshToken();
            assertTrue(provider.rotations() >= 1 && !first.equals("rt-0-first"), "the provider rotated the token");
            Files.delete(tokenFile); // the row's secret is the sealed one from now on

            output.add(servers.fillThroughKey(dir, "rotseed2", 1, user, key));
            output.add(servers.cli(List.of("batch", "run", "rotating", "--workspace", workspace.toString(),
                    "--allow-plaintext", "--delta", "--report", dir.resolve("r2").toString()), 0));
            assertEquals(3, OAuth2Servers.count(servers.passwordImap, newUser), "the second run signed in and copied the new message");
            assertTrue(provider.rotations() >= 2 && !provider.refreshToken().equals(first), "rotated again at the second run");
            assertEquals(0, provider.refusedGrants(), "no refresh token was sent twice");
            assertEquals(400, refreshGrant(provider, "rt-0-first"), "the provider refuses the first token");
            assertEquals(1, provider.refusedGrants());

            List<String> tokens = List.of("rt-0-first", first, provider.refreshToken());
            for (String o : output) {
                assertTrue(tokens.stream().noneMatch(o::contains), "no refresh token printed: " + o);
            }
            try (Stream<Path> files = Files.walk(workspace)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertTrue(tokens.stream().noneMatch(text::contains), "the refresh token is sealed: " + f);
                }
            }
            OAuth2Servers.assertNoKeyOrToken(key, output, workspace);
        }
    }

    /** Sends a refresh grant with {@code token} to the provider, returns its HTTP status. */
    private static int refreshGrant(TokenTestServer provider, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(provider.tokenEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=refresh_token&client_id=c1&client_secret=s1&refresh_token=" + token)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A calendar {@code work} of {@code n} events in Radicale's user's home, written with its password. */
    private static void seedCalendar(Radicale r, int n) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString((Radicale.LOGIN + ":" + Radicale.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        String home = r.url() + Radicale.LOGIN + "/work/";
        HttpResponse<String> made = http.send(HttpRequest.newBuilder(URI.create(home)).header("Authorization", auth)
                .method("MKCALENDAR", HttpRequest.BodyPublishers.ofString("<C:mkcalendar xmlns:D=\"DAV:\" "
                        + "xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:set><D:prop><D:displayname>Work</D:displayname>"
                        + "</D:prop></D:set></C:mkcalendar>")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, made.statusCode(), made.body());
        for (int i = 0; i < n; i++) {
            String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//mailmigrator tests//EN",
                    "BEGIN:VEVENT", "UID:bearer-" + i + "@example.org", "DTSTAMP:20260101T000000Z",
                    "DTSTART:202603" + String.format("%02d", i + 1) + "T090000Z", "DURATION:PT1H",
                    "SUMMARY:Team meeting " + i, "END:VEVENT", "END:VCALENDAR", "");
            HttpRequest request = HttpRequest.newBuilder(URI.create(home + "bearer-" + i + ".ics"))
                    .header("Authorization", auth).header("Content-Type", "text/calendar; charset=utf-8")
                    .PUT(HttpRequest.BodyPublishers.ofString(ics)).build();
            HttpResponse<String> put;
            try {
                put = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) { // a kept-alive connection Radicale had closed: once more on a new one
                put = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            assertEquals(201, put.statusCode(), put.body());
        }
    }

    /** One more event in the {@code work} calendar of {@link #seedCalendar}. */
    private static void seedEvent(Radicale r, String name) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString((Radicale.LOGIN + ":" + Radicale.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//mailmigrator tests//EN", "BEGIN:VEVENT",
                "UID:" + name + "@example.org", "DTSTAMP:20260101T000000Z", "DTSTART:20260401T090000Z", "DURATION:PT1H",
                "SUMMARY:" + name, "END:VEVENT", "END:VCALENDAR", "");
        HttpResponse<String> put = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest
                .newBuilder(URI.create(r.url() + Radicale.LOGIN + "/work/" + name + ".ics")).header("Authorization", auth)
                .header("Content-Type", "text/calendar; charset=utf-8").PUT(HttpRequest.BodyPublishers.ofString(ics)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, put.statusCode(), put.body());
    }

    private static long count(Radicale r, String suffix) throws Exception {
        try (Stream<Path> files = Files.walk(r.storage().resolve("collection-root").resolve(Radicale.LOGIN))) {
            return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(suffix)
                    && !f.toString().contains("/.Radicale")).count();
        }
    }
}
