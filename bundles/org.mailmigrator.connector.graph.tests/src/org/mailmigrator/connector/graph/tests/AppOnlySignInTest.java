package org.mailmigrator.connector.graph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.cli.Cli;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.DovecotOAuth2;
import org.mailmigrator.testing.MockOAuth2Server;
import org.mailmigrator.testing.OAuth2TestServers;
import org.mailmigrator.testing.Radicale;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A Microsoft 365 style app-only sign-in end to end, in one batch row: the destination is "Exchange Online" made of
 * a Dovecot whose only passdb is oauth2 (IMAP, SASL XOAUTH2) and {@link GraphFake}, a <b>protocol fake</b> of
 * Microsoft Graph (calendars); the row's one secret is the application's client credentials JSON (client id and
 * secret, the test authorization server's token endpoint). The mail side asks a token for Exchange's scope, the
 * calendar leg one for Graph's; both are client credentials tokens of the application (sub = its client id), which
 * this Dovecot accepts for any mailbox of the domain as Exchange Online does for an application with a mailbox
 * permission, and which the fake accepts after checking the signature against the authorization server's keys.
 * Then the way out of Microsoft 365: a row whose source is that "Exchange Online" (the same application secret) and
 * whose calendar leg reads Graph into a real Radicale, incrementally (the second pass reads no item).
 */
class AppOnlySignInTest {
    private static final String APP = "mailmigrator-app@example.com";

    @Test
    void oneApplicationSecretMovesMailOverXoauth2AndEventsThroughGraph(@TempDir Path dir) throws Exception {
        try (MockOAuth2Server auth = MockOAuth2Server.start();
                DovecotOAuth2 exchange = DovecotOAuth2.start("username_attribute = sub\nusername_format = %d");
                Dovecot source = Dovecot.start(Dovecot.Layout.SLASH, 0, false);
                Radicale radicale = Radicale.start(Files.createDirectories(dir.resolve("radicale")))) {
            String jwks = auth.jwks("default");
            for (JWK k : JWKSet.parse(jwks).getKeys()) {
                for (String azp : List.of("default", APP)) {
                    exchange.trustKey(azp, "RS256", k.getKeyID(), k.toRSAKey().toRSAPublicKey());
                }
            }
            List<String> subjects = Collections.synchronizedList(new ArrayList<>());
            try (GraphFake graph = new GraphFake("alice@example.com", token -> valid(token, jwks, subjects))) {
                seed(source, "alice", 2);
                Path app = Files.writeString(dir.resolve("app.json"), "{\"type\": \"client_credentials\", \"tenant\": \"example.com\","
                        + " \"client_id\": \"" + APP + "\", \"client_secret\": \"app-secret-1234\", \"token_uri\": \""
                        + auth.tokenEndpoint("default") + "\"}");
                Path csv = dir.resolve("m365.csv");
                Files.writeString(csv, "source.server,source.login,source.password,destination.server,destination.login,"
                        + "destination.auth,destination.serviceaccount,calendar.source,calendar.target,calendar.password\n"
                        + "imap://127.0.0.1:" + source.imapPort() + ",alice," + Dovecot.PASSWORD + ",imap://127.0.0.1:"
                        + exchange.imapPort() + ",alice@example.com,xoauth2," + app + "," + Data.file("weekly-berlin.ics")
                        + ",graph+http://alice%40example.com@" + graph.root().substring("http://".length()) + ",\n"); // no leg password
                Path workspace = dir.resolve("workspace");
                String out = cli(List.of("batch", "run", csv.toString(), "--workspace", workspace.toString(), "--allow-plaintext",
                        "--report", dir.resolve("r1").toString()), exchange);
                assertEquals(2, OAuth2TestServers.count(exchange.dovecot(), "alice@example.com"), "the mail arrived over XOAUTH2");
                assertEquals(1, graph.calendar.events.size(), "the series arrived through Graph");
                assertEquals(1, graph.tasks.size(), "the task arrived in To Do");
                assertEquals(List.of(), graph.violations);
                assertEquals(Set.of(APP + " [https://graph.microsoft.com/.default]"), Set.copyOf(subjects),
                        "Graph saw the application's app-only tokens for Graph's scope only");
                assertFalse(out.contains("app-secret-1234") || out.contains("eyJ"), "no secret or token printed: " + out);
                try (var files = Files.walk(workspace)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        assertFalse(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)
                                .contains("app-secret-1234"), "the client secret is sealed in " + f);
                    }
                }
                String summary = Files.readString(dir.resolve("r1/summary.txt"));
                assertTrue(summary.contains("calendar: created 2"), summary);

                int requests = graph.requests.size();
                cli(List.of("batch", "run", "m365", "--workspace", workspace.toString(), "--allow-plaintext", "--delta",
                        "--report", dir.resolve("r2").toString()), exchange);
                assertEquals(List.of(), graph.requests.subList(requests, graph.requests.size()).stream()
                        .filter(r -> !r.startsWith("GET")).toList(), "the second run writes nothing to Graph");
                assertEquals(2, OAuth2TestServers.count(exchange.dovecot(), "alice@example.com"));

                // and back out of Microsoft 365: the row's source is "Exchange Online", its calendar leg reads Graph
                subjects.clear();
                Path back = dir.resolve("leaving.csv");
                Files.writeString(back, "source.server,source.login,source.auth,source.serviceaccount,destination.server,"
                        + "destination.login,destination.password,calendar.source,calendar.target,calendar.password\n"
                        + "imap://127.0.0.1:" + exchange.imapPort() + ",alice@example.com,xoauth2," + app + ",imap://127.0.0.1:"
                        + source.imapPort() + ",bob," + Dovecot.PASSWORD + ",graph+http://alice%40example.com@"
                        + graph.root().substring("http://".length()) + ",caldav+http://" + Radicale.LOGIN + "@127.0.0.1:"
                        + radicale.port() + "/," + Radicale.PASSWORD + "\n");
                graph.itemReads.set(0);
                String leaving = cli(List.of("batch", "run", back.toString(), "--workspace", workspace.toString(), "--allow-plaintext",
                        "--report", dir.resolve("r3").toString()), exchange);
                assertEquals(2, graph.itemReads.get(), "the series and the task read from Graph: " + graph.requests);
                String leftSummary = Files.readString(dir.resolve("r3/summary.txt"));
                assertTrue(leftSummary.contains("calendar: created 2"), leftSummary + leaving);
                assertEquals(Set.of(APP + " [https://graph.microsoft.com/.default]"), Set.copyOf(subjects),
                        "the Graph source leg signed in with the application's token for Graph's scope");
                String ics = Files.walk(radicale.storage()).filter(f -> f.toString().endsWith(".ics")
                        && !f.toString().contains(".Radicale.cache")).map(f -> { // the items, not Radicale's cache
                    try {
                        return Files.readString(f);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).reduce("", String::concat).replace("\r\n", "\n").replace("\n ", "");
                assertTrue(ics.contains("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=6") && ics.contains("EXDATE;TZID=Europe/Berlin:20250127T090000")
                        && ics.contains("RECURRENCE-ID;TZID=Europe/Berlin:20250113T090000"), "the series in Radicale: " + ics);
                assertTrue(ics.contains("SUMMARY:Send the quarterly report"), "the To Do task in Radicale: " + ics);
                try (var files = Files.walk(workspace)) {
                    assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith("-calendar.graphsync")),
                            "the leg keeps its Graph delta links in the workspace");
                }
                graph.itemReads.set(0);
                cli(List.of("batch", "run", "leaving", "--workspace", workspace.toString(), "--allow-plaintext", "--delta",
                        "--report", dir.resolve("r4").toString()), exchange);
                assertEquals(0, graph.itemReads.get(), "the second pass reads Graph's changes only (none): " + graph.requests);
                assertEquals(List.of(), graph.violations);
            }
        }
    }

    /** A JWT of the authorization server (signature, expiry), its subject recorded. */
    static boolean valid(String token, String jwks, List<String> subjects) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWK key = JWKSet.parse(jwks).getKeyByKeyId(jwt.getHeader().getKeyID());
            if (key == null || !jwt.verify(new RSASSAVerifier(key.toRSAKey()))
                    || jwt.getJWTClaimsSet().getExpirationTime().before(new Date())) {
                return false;
            }
            subjects.add(jwt.getJWTClaimsSet().getSubject() + " " + jwt.getJWTClaimsSet().getAudience());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String cli(List<String> args, DovecotOAuth2 exchange) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Cli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        String all = out + "\n" + err;
        assertEquals(0, code, String.join(" ", args) + "\n" + all + "\n" + exchange.log());
        return all;
    }

    private static void seed(Dovecot d, String user, int n) throws Exception {
        Session session = Session.getInstance(new Properties());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(org.eclipse.angus.mail.imap.IMAPStore.class.getClassLoader());
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", d.imapPort(), user, Dovecot.PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            Message[] msgs = new Message[n];
            for (int i = 0; i < n; i++) {
                MimeMessage m = new MimeMessage(session);
                m.setFrom(new InternetAddress("sender@example.org"));
                m.setSubject("app-only " + i);
                m.setText("message " + i);
                m.setSentDate(new Date(1_700_000_000_000L + i * 60_000L));
                msgs[i] = m;
            }
            inbox.appendMessages(msgs);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
