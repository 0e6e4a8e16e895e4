package org.mailmigrator.auth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.cli.Cli;
import org.mailmigrator.testing.Radicale;
import org.mailmigrator.testing.TokenTestServer;

/**
 * {@code migrate --source-device-client CLIENT.json --source-token-file FILE}: the sign-in on the console (RFC 8628)
 * against {@link TokenTestServer} (mock-oauth2-server 2.3.0 has no device authorization endpoint: checked, it answers
 * 405 there), the calendar read from Radicale behind a relay that takes only the server's tokens for the mailbox. The
 * code and address are printed, the polls wait the interval and 5 s more after slow_down, the sign-in is kept in the
 * token file (owner-only) and the next run asks nothing; a code never approved ends with expired_token and exit 4.
 */
class DeviceSignInTest {
    private static final String USER = "device1@example.org";

    @TempDir
    Path dir;

    /** The console output; the person "approves" once the code is on the screen and the first poll came. */
    private record Run(int code, String out, String err) {
    }

    private static Run run(List<String> args, TokenTestServer provider, boolean approve) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter() {
            @Override
            public void write(String s, int off, int len) {
                super.write(s, off, len);
                if (approve && s.contains(TokenTestServer.USER_CODE)) {
                    Thread.ofPlatform().daemon().start(() -> {
                        long end = System.nanoTime() + 120_000_000_000L;
                        while (provider.polls().isEmpty() && System.nanoTime() < end) {
                            try {
                                Thread.sleep(20);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                        provider.approve();
                    });
                }
            }
        };
        int code = Cli.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private List<String> args(TokenTestServer provider, int sourcePort, Radicale dst, Path tokenFile) throws Exception {
        Path client = dir.resolve("client-" + provider.tokenEndpoint().getPort() + ".json");
        Files.writeString(client, "{\"client_id\": \"" + TokenTestServer.CLIENT + "\", \"device_authorization_endpoint\": \""
                + provider.deviceEndpoint() + "\", \"token_endpoint\": \"" + provider.tokenEndpoint() + "\", \"scope\": "
                + "\"https://outlook.office.com/IMAP.AccessAsUser.All offline_access\"}");
        Path pw = Files.writeString(dir.resolve("pw"), Radicale.PASSWORD);
        return List.of("migrate", "--source", "caldav+http://" + USER.replace("@", "%40") + "@127.0.0.1:" + sourcePort + "/",
                "--source-device-client", client.toString(), "--source-token-file", tokenFile.toString(), "--target",
                "caldav+http://" + Radicale.LOGIN + "@127.0.0.1:" + dst.port() + "/", "--target-password-file", pw.toString(),
                "--allow-plaintext", "--state", dir.resolve("state").toString());
    }

    @Test
    void signInOnTheConsoleHonoursSlowDownKeepsTheSignInAndTheNextRunAsksNothing() throws Exception {
        try (TokenTestServer provider = new TokenTestServer(USER, "unused"); Radicale src = Radicale.start(dir.resolve("src"));
                Radicale dst = Radicale.start(dir.resolve("dst"));
                BearerCheckingRelay in = new BearerCheckingRelay(src.port(), provider.jwks(), USER, Radicale.LOGIN, Radicale.PASSWORD)) {
            seed(src);
            Path tokenFile = dir.resolve("device-signin.json");
            List<String> args = args(provider, in.port(), dst, tokenFile);
            provider.slowDownOnce();

            Run first = run(args, provider, true);
            assertEquals(0, first.code(), first.toString());
            assertTrue(first.err().contains("open http://127.0.0.1:" + provider.tokenEndpoint().getPort() + "/verify and enter the code "
                    + TokenTestServer.USER_CODE), first.err());
            assertTrue(first.out().contains("created 1, updated 0"), first.out());
            assertEquals(List.of("slow_down", "tokens"), provider.pollAnswers(), "polled until approved");
            List<Long> polls = provider.polls();
            assertTrue(polls.get(1) - polls.get(0) >= 6_000, "after slow_down the next poll waits the interval + 5 s: "
                    + (polls.get(1) - polls.get(0)) + " ms");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
            assertTrue(Files.readString(tokenFile).contains(provider.refreshToken()), "the sign-in is kept, with its latest token");
            assertTrue(in.accepted() >= 1 && in.refusedOther() == 0, "the calendar was read with the device sign-in's tokens");

            Run second = run(args, provider, false);
            assertEquals(0, second.code(), second.toString());
            assertFalse(second.err().contains(TokenTestServer.USER_CODE), "signed in before: no new code " + second.err());
            assertEquals(2, provider.polls().size(), "no device poll on the second run");
            assertEquals(0, provider.refusedGrants());
            for (Run r : List.of(first, second)) {
                String all = r.out() + r.err();
                assertFalse(all.contains(provider.deviceCode()) || all.contains("eyJ") || all.contains("rt-"), "no secret printed: " + all);
            }
        }
    }

    @Test
    void aCodeNeverApprovedExpiresWithExit4AndNothingIsKept() throws Exception {
        try (TokenTestServer provider = new TokenTestServer(USER, "unused"); Radicale dst = Radicale.start(dir.resolve("dst"))) {
            provider.expireAfterPolls(2);
            Path tokenFile = dir.resolve("never.json");
            Run r = run(args(provider, dst.port(), dst, tokenFile), provider, false);
            assertEquals(4, r.code(), r.toString());
            assertTrue(r.err().contains("the code " + TokenTestServer.USER_CODE + " expired before the sign-in was approved"), r.err());
            assertEquals(List.of("authorization_pending", "authorization_pending", "expired_token"), provider.pollAnswers());
            assertFalse(Files.exists(tokenFile), "no sign-in kept");
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".tmp")).toList());
            }
        }
    }

    /** One event in a calendar of the source Radicale, written with its password. */
    private static void seed(Radicale r) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString((Radicale.LOGIN + ":" + Radicale.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        String home = r.url() + Radicale.LOGIN + "/work/";
        assertEquals(201, http.send(HttpRequest.newBuilder(URI.create(home)).header("Authorization", auth).method("MKCALENDAR",
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//mailmigrator tests//EN", "BEGIN:VEVENT",
                "UID:device-1@example.org", "DTSTAMP:20260101T000000Z", "DTSTART:20260301T090000Z", "DURATION:PT1H",
                "SUMMARY:Signed in on the console", "END:VEVENT", "END:VCALENDAR", "");
        // a new client: Radicale may close the kept-alive connection the MKCALENDAR used, and a PUT is not retried
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assertEquals(201, http.send(HttpRequest.newBuilder(URI.create(home + "e.ics")).header("Authorization", auth)
                .header("Content-Type", "text/calendar; charset=utf-8").PUT(HttpRequest.BodyPublishers.ofString(ics)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }
}
