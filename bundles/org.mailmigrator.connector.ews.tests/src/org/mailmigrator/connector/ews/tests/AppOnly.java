package org.mailmigrator.connector.ews.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.mailmigrator.cli.Cli;
import org.mailmigrator.testing.MockOAuth2Server;

/**
 * What the EWS OAuth2 tests share: an application's app-only client credentials JSON for the test authorization server
 * (mock-oauth2-server), the command line run in process, and the checks an administrator makes of what the EWS
 * PROTOCOL FAKE saw (each request anchored to and impersonating one mailbox, only Exchange-scoped application tokens).
 */
final class AppOnly {
    static final String APP = "mailmigrator-app@example.org";
    static final String SECRET = "app-secret-5678";

    private AppOnly() {
    }

    /** The client credentials JSON, written to {@code dir/app.json}. */
    static Path json(Path dir, MockOAuth2Server auth) throws Exception {
        return Files.writeString(dir.resolve("app.json"), "{\"type\": \"client_credentials\", \"tenant\": \"example.org\","
                + " \"client_id\": \"" + APP + "\", \"client_secret\": \"" + SECRET + "\", \"token_uri\": \""
                + auth.tokenEndpoint("default") + "\"}");
    }

    /** {@code mailmigrator ARGS}: standard output, standard error and the exit code. */
    static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] { out.toString(), err.toString(), String.valueOf(code) };
    }

    static void assertNoSecret(String[] out) {
        String all = String.join("", out);
        assertFalse(all.contains(SECRET) || all.contains("eyJ"), "no secret or token printed: " + all);
    }

    /** Every request {@code fake} received was anchored to and impersonated {@code mailbox}, and was schema-valid. */
    static void assertActedFor(EwsProtocolFake fake, String mailbox) {
        assertEquals(Set.of(mailbox), Set.copyOf(fake.anchors), "X-AnchorMailbox");
        assertEquals(Set.of(mailbox), Set.copyOf(fake.impersonated.stream().map(i -> Objects.requireNonNullElse(i, "none")).toList()),
                "an app-only token has no mailbox: each request impersonates the row's");
        assertEquals(List.of(), fake.violations);
    }

    /** The fakes saw only the application's tokens, asked for Exchange's scope (not Google's or Graph's). */
    static void assertOnlyExchangeTokens(List<String> seen) {
        assertEquals(Set.of(APP + " [https://outlook.office365.com/.default]"), Set.copyOf(seen),
                "only the application's tokens, for Exchange's scope");
    }
}
