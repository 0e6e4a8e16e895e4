package org.mailmigrator.connector.ews.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.MockOAuth2Server;
import org.mailmigrator.testing.Radicale;

/**
 * OAuth2 for the calendar, contacts and tasks legs of EWS, against the EWS PROTOCOL FAKE (not Exchange; every request
 * schema-checked, the source's answers too; it accepts only JWTs signed by the authorization server) and a real
 * authorization server (mock-oauth2-server) and a real Radicale, one of each per class: {@code migrate --source ews+…
 * --target caldav+…/carddav+…} and back {@code --source caldav+…/carddav+… --target ews+…}, each Exchange side's only
 * secret being an application's client credentials JSON ({@code --source-token-file}/{@code --target-token-file}). What
 * an administrator checks: every item arrives both ways; every request to Exchange carried the application's token for
 * Exchange's scope (not a Google or Graph scope), X-AnchorMailbox and the ExchangeImpersonation header naming the
 * URL's mailbox; a token refused once is renewed; a native batch row's legs sign in with its OAuth2 columns; a
 * token never accepted fails the leg with the sign-in message and exit code 4, on either side; no secret or token is
 * printed.
 */
class EwsPimOAuth2Test {
    private static MockOAuth2Server auth;
    private static Radicale radicale;
    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    @BeforeAll
    static void startServers() throws Exception {
        auth = MockOAuth2Server.start();
        radicale = Radicale.start(Files.createDirectories(shared.resolve("radicale")));
    }

    @AfterAll
    static void stopServers() {
        radicale.close();
        auth.close();
    }

    @Test
    void exchangeSignedInWithAnAppOnlyTokenGoesToRadicaleAndRadicaleToAnotherExchange() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Path app = AppOnly.json(dir, auth);
        Path davPassword = Files.writeString(dir.resolve("dav-pw"), Radicale.PASSWORD + "\n");
        String dav = radicale.url().replace("http://", "http://" + Radicale.LOGIN + "@");
        try (EwsProtocolFake source = new EwsProtocolFake(auth.acceptsTokensOf("default", seen));
                EwsProtocolFake target = new EwsProtocolFake(auth.acceptsTokensOf("default", seen))) {
            source.checkResponses = true;
            ExchangePimCorpus.seed(source.pim);
            source.refuseTokens(1); // the first token is refused once (revoked early): renewed, the request sent again
            String exchange = "ews+" + source.url().replace("http://", "http://alice%40example.org@");
            for (String dst : List.of("caldav+" + dav, "carddav+" + dav)) {
                String[] out = AppOnly.cli("migrate", "--source", exchange, "--target", dst, "--allow-plaintext",
                        "--source-token-file", app.toString(), "--target-password-file", davPassword.toString(),
                        "--state", dir.resolve("state").toString());
                assertEquals("0", out[2], out[0] + out[1]);
                assertTrue(out[0].startsWith("created " + (dst.startsWith("caldav") ? 3 : 1) + ", updated 0, unchanged 0, failed 0"),
                        dst + ": " + out[0]); // events and the task; the contact
                AppOnly.assertNoSecret(out);
            }
            Map<String, String> served = EwsPimSourceTest.servedBy(radicale);
            assertEquals(4, served.size(), served.keySet().toString());
            assertTrue(served.get(ExchangePimCorpus.SERIES_UID).contains("EXDATE;TZID=Europe/Berlin:20260316T090000"));
            assertEquals(1, source.challenges, "one 401");
            assertNotEquals(source.tokens.get(0), source.tokens.get(1), "the request after the 401 carried a renewed token");

            for (String src : List.of("caldav+" + dav, "carddav+" + dav)) { // back into a second Exchange
                String[] out = AppOnly.cli("migrate", "--source", src, "--target", "ews+" + target.url().replace("http://", "http://bob%40example.org@"),
                        "--allow-plaintext", "--source-password-file", davPassword.toString(), "--target-token-file", app.toString(),
                        "--state", dir.resolve("state-back").toString());
                assertEquals("0", out[2], out[0] + out[1]);
                assertTrue(out[0].startsWith("created " + (src.startsWith("caldav") ? 3 : 1) + ", updated 0"), src + ": " + out[0]);
                AppOnly.assertNoSecret(out);
            }
            assertNotNull(target.mailbox.byUid(ExchangePimCorpus.SERIES_UID), "the series");
            assertEquals(1, target.mailbox.items("Task").size());
            assertEquals(1, target.mailbox.items("Contact").size());
            AppOnly.assertActedFor(source, "alice@example.org");
            AppOnly.assertActedFor(target, "bob@example.org");
            AppOnly.assertOnlyExchangeTokens(seen);
        }
    }

    /**
     * A native batch row whose mail source and destination are two Exchanges (no mail here: EwsOAuth2Test moves it)
     * signed in with the application's credentials ({@code source.serviceaccount}/{@code destination.serviceaccount}):
     * its calendar leg reads the source Exchange into Radicale, its contacts leg (no password of its own) writes into the destination Exchange, both with
     * the row's OAuth2 secrets as the batch's CalDAV/CardDAV legs sign in.
     */
    @Test
    void aBatchRowsExchangeLegsSignInWithTheRowsApplicationCredentials() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Path app = AppOnly.json(dir, auth);
        try (EwsProtocolFake source = new EwsProtocolFake(auth.acceptsTokensOf("default", seen));
                EwsProtocolFake target = new EwsProtocolFake(auth.acceptsTokensOf("default", seen));
                Radicale own = Radicale.start(Files.createDirectories(dir.resolve("radicale")))) {
            source.checkResponses = true;
            ExchangePimCorpus.seed(source.pim);
            String from = "ews+" + source.url().replace("http://", "http://alice%40example.org@");
            String to = "ews+" + target.url().replace("http://", "http://bob%40example.org@");
            Path rows = Files.writeString(dir.resolve("rows.csv"), "source.connector,source.server,source.login,source.auth,"
                    + "source.serviceaccount,destination.connector,destination.server,destination.login,destination.auth,"
                    + "destination.serviceaccount,calendar.source,calendar.target,calendar.password,contacts.source,"
                    + "contacts.target,contacts.password\news," + source.url() + ",alice@example.org,xoauth2," + app + ",ews,"
                    + target.url() + ",bob@example.org,xoauth2," + app + "," + from + ",caldav+"
                    + own.url().replace("http://", "http://" + Radicale.LOGIN + "@") + "," + Radicale.PASSWORD + "," + from + ","
                    + to + ",\n");
            String[] out = AppOnly.cli("batch", "run", rows.toString(), "--workspace", dir.resolve("ws").toString(), "--allow-plaintext");
            assertEquals("0", out[2], out[0] + out[1]);
            AppOnly.assertNoSecret(out);
            Map<String, String> served = EwsPimSourceTest.servedBy(own);
            assertEquals(3, served.size(), "the events and the task: " + served.keySet());
            assertTrue(served.containsKey(ExchangePimCorpus.SERIES_UID));
            assertEquals(1, target.mailbox.items("Contact").size(), "the contact");
            AppOnly.assertActedFor(source, "alice@example.org");
            AppOnly.assertActedFor(target, "bob@example.org");
            AppOnly.assertOnlyExchangeTokens(seen);
        }
    }

    @Test
    void aTokenExchangeNeverAcceptsFailsTheLegWithTheSignInMessageOnEitherSide() throws Exception {
        Path app = AppOnly.json(dir, auth);
        Path davPassword = Files.writeString(dir.resolve("dav-pw"), Radicale.PASSWORD + "\n");
        String dav = radicale.url().replace("http://", "http://" + Radicale.LOGIN + "@");
        try (EwsProtocolFake refusing = new EwsProtocolFake(token -> false)) {
            ExchangePimCorpus.seed(refusing.pim);
            String exchange = "ews+" + refusing.url().replace("http://", "http://carol%40example.org@");
            String[] read = AppOnly.cli("migrate", "--source", exchange, "--target", "carddav+" + dav, "--allow-plaintext",
                    "--source-token-file", app.toString(), "--target-password-file", davPassword.toString(),
                    "--state", dir.resolve("state").toString());
            String[] write = AppOnly.cli("migrate", "--source", "caldav+" + dav, "--target", exchange, "--allow-plaintext",
                    "--source-password-file", davPassword.toString(), "--target-token-file", app.toString(),
                    "--state", dir.resolve("state-back").toString());
            for (String[] out : List.of(read, write)) {
                assertEquals("4", out[2], out[0] + out[1]);
                assertTrue(out[1].contains("401") && out[1].contains("carol@example.org"), "the refusal, naming the mailbox: " + out[1]);
                assertTrue(out[0].startsWith("created 0, updated 0"), out[0]);
                AppOnly.assertNoSecret(out);
            }
            assertTrue(refusing.tokens.size() >= 2, "asked: " + refusing.tokens.size());
            assertNotEquals(refusing.tokens.get(0), refusing.tokens.get(1), "the token was renewed once, then the refusal reported");
            assertEquals(0, refusing.mailbox.items("CalendarItem").size() + refusing.mailbox.items("Task").size(), "nothing written");
            assertEquals(List.of(), refusing.violations);
        }
    }

}
