package org.mailmigrator.connector.ews.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.MockOAuth2Server;

/**
 * OAuth2 for EWS, against the EWS PROTOCOL FAKE (not Exchange; every request schema-checked, the source's answers too)
 * and a real authorization server (mock-oauth2-server, one per class): {@code migrate --source ews+… --target ews+…}
 * whose only secret on each side is an application's client credentials JSON ({@code --source-token-file}), as an
 * administrator of Exchange Online (until EWS is switched off) or of an on-premises Exchange with modern auth gives it.
 * The fakes accept only JWTs signed by the authorization server and answer 401 otherwise. What an administrator checks:
 * every message arrives; every request carried the application's token for Exchange's scope, X-AnchorMailbox and the
 * ExchangeImpersonation header naming the row's mailbox; a token refused once (401) is renewed and the request sent
 * again; a token never accepted stops the run with the sign-in message and exit code 4; no secret or token is printed.
 */
class EwsOAuth2Test {
    private static MockOAuth2Server auth;
    @TempDir
    Path dir;

    @BeforeAll
    static void startAuthorizationServer() throws Exception {
        auth = MockOAuth2Server.start();
    }

    @AfterAll
    static void stopAuthorizationServer() {
        auth.close();
    }

    @Test
    void anAppOnlySecretMovesExchangeToExchangeWithTheMailboxAnchoredAndImpersonatedAndA401RenewsTheToken() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        try (EwsProtocolFake source = new EwsProtocolFake(auth.acceptsTokensOf("default", seen));
                EwsProtocolFake target = new EwsProtocolFake(auth.acceptsTokensOf("default", seen))) {
            source.checkResponses = true;
            source.mail.maxPage = 5;
            List<String> expected = ExchangeCorpus.seed(source);
            source.refuseTokens(1); // the first token is refused once (revoked early): renewed, the request sent again
            Path app = AppOnly.json(dir, auth);
            String[] out = AppOnly.cli("migrate", "--source", "ews+" + source.url().replace("http://", "http://alice%40example.org@"),
                    "--target", "ews+" + target.url().replace("http://", "http://bob%40example.org@"), "--allow-plaintext",
                    "--source-token-file", app.toString(), "--target-token-file", app.toString(),
                    "--state", dir.resolve("state").toString());
            assertEquals("0", out[2], out[0] + out[1]);
            assertEquals(expected.size(), target.mail.messages.size(), "every message arrived: " + out[0]);
            List<String> sent = new ArrayList<>(target.mail.messages.values().stream()
                    .map(m -> Base64.getEncoder().encodeToString(m.mime)).toList());
            assertEquals(expected.stream().map(l -> l.substring(l.lastIndexOf(' ') + 1)).sorted().toList(), sent.stream().sorted().toList(),
                    "byte for byte");
            assertEquals(1, source.challenges, "one 401");
            assertNotEquals(source.tokens.get(0), source.tokens.get(1), "the request after the 401 carried a renewed token");
            AppOnly.assertOnlyExchangeTokens(seen);
            assertEquals(Set.of("alice@example.org"), Set.copyOf(source.anchors));
            assertEquals(Set.of("bob@example.org"), Set.copyOf(target.anchors));
            assertEquals(Set.of("alice@example.org"), Set.copyOf(source.impersonated.stream().map(i -> Objects.requireNonNullElse(i, "none")).toList()),
                    "an app-only token has no mailbox: each request impersonates the row's");
            assertEquals(Set.of("bob@example.org"), Set.copyOf(target.impersonated.stream().map(i -> Objects.requireNonNullElse(i, "none")).toList()));
            AppOnly.assertNoSecret(out);
            assertEquals(List.of(), source.violations);
            assertEquals(List.of(), target.violations);
        }
    }

    @Test
    void aTokenExchangeNeverAcceptsStopsWithTheSignInMessage() throws Exception {
        try (EwsProtocolFake refusing = new EwsProtocolFake(token -> false);
                EwsProtocolFake target = new EwsProtocolFake(EwsRun.LOGIN, EwsRun.PASSWORD)) {
            Path app = AppOnly.json(dir, auth);
            Path pw = Files.writeString(dir.resolve("pw"), EwsRun.PASSWORD + "\n");
            String[] out = AppOnly.cli("migrate", "--source", "ews+" + refusing.url().replace("http://", "http://bob%40example.org@"),
                    "--target", "ews+" + target.url().replace("http://", "http://alice%40example.org@"), "--allow-plaintext",
                    "--source-token-file", app.toString(), "--target-password-file", pw.toString(),
                    "--state", dir.resolve("state").toString());
            assertEquals("4", out[2], out[0] + out[1]);
            assertTrue((out[0] + out[1]).contains("401"), out[0] + out[1]);
            assertTrue(refusing.tokens.size() >= 2, "asked twice: " + refusing.tokens.size());
            assertNotEquals(refusing.tokens.get(0), refusing.tokens.get(1), "the token was renewed once, then the refusal reported");
            assertEquals(0, target.mail.messages.size());
            AppOnly.assertNoSecret(out);
        }
    }

}
