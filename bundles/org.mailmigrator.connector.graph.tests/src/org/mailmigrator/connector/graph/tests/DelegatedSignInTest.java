package org.mailmigrator.connector.graph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.auth.LoopbackSignIn;
import org.mailmigrator.auth.MicrosoftSignIn;
import org.mailmigrator.auth.SignIns;
import org.mailmigrator.connector.graph.GraphConnector;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.pim.PimEntry;
import org.mailmigrator.core.pim.PimItem;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.core.spi.SignIn;
import org.mailmigrator.testing.MockOAuth2Server;
import org.mailmigrator.testing.Radicale;

/**
 * Delegated sign-in to Microsoft 365: a person signs in in the browser (authorization code + PKCE, the redirect on a
 * loopback port) at the tenant's Microsoft-shaped endpoints {@code AUTHORITY/TENANT/oauth2/v2.0/authorize} and
 * {@code /token}, here served by <b>mock-oauth2-server</b> (the test authorization server, an issuer at that path);
 * the delegated token reads the person's mailbox from {@link GraphFake} (a <b>protocol fake</b> of Graph that accepts
 * only JWTs signed by that server), and a later run renews it from the sealed refresh token alone; then
 * {@code migrate --source graph+... --target caldav+...} with that kept sign-in copies the mailbox's series and task to
 * a real Radicale, and its second run reads no item (delta links kept in its state).
 */
class DelegatedSignInTest {
    @TempDir
    Path dir;

    @Test
    void aPersonSignsInInTheBrowserAndGraphIsReadWithTheDelegatedTokenThenWithTheSealedRefreshToken() throws Exception {
        String user = "alice@contoso.com";
        String tenant = "contoso.onmicrosoft.com";
        try (MockOAuth2Server auth = MockOAuth2Server.start();
                Radicale radicale = Radicale.start(java.nio.file.Files.createDirectories(dir.resolve("radicale")))) {
            URI authority = URI.create("http://127.0.0.1:" + auth.port());
            LoopbackSignIn.Provider microsoft = MicrosoftSignIn.loopback(authority, tenant, "mailmigrator-desktop", null,
                    MicrosoftSignIn.GRAPH_SCOPES);
            String issuer = tenant + "/oauth2/v2.0";
            assertEquals(auth.authorizationEndpoint(issuer), microsoft.authorizationEndpoint());
            assertEquals(auth.tokenEndpoint(issuer), microsoft.tokenEndpoint());
            String jwks = auth.jwks(issuer);
            List<String> subjects = Collections.synchronizedList(new ArrayList<>());
            try (GraphFake graph = new GraphFake(user, t -> t.equals(GraphPim.TOKEN) || AppOnlySignInTest.valid(t, jwks, subjects))) {
                GraphPim.fileToGraph(Data.file("weekly-berlin.ics"), graph, dir.resolve("fill")); // the person's mailbox
                List<URI> pages = Collections.synchronizedList(new ArrayList<>());
                AtomicReference<Throwable> browserFailure = new AtomicReference<>();
                LoopbackSignIn.Browser browser = page -> {
                    pages.add(page);
                    Thread person = new Thread(() -> { // the browser is another process
                        try {
                            URI back = MockOAuth2Server.logIn(page, user);
                            HttpClient.newHttpClient().send(HttpRequest.newBuilder(back).build(), HttpResponse.BodyHandlers.ofString());
                        } catch (Exception | Error e) {
                            browserFailure.set(e);
                        }
                    }, "person-in-browser");
                    person.setDaemon(true);
                    person.start();
                };
                LoopbackSignIn.Authorized signedIn;
                try {
                    signedIn = LoopbackSignIn.signIn(microsoft, user, browser, Duration.ofSeconds(60));
                } catch (org.mailmigrator.core.spi.ConnectorException e) {
                    throw new AssertionError("the sign-in failed; the browser saw: " + browserFailure.get(), e);
                }
                assertEquals(null, browserFailure.get());
                String asked = URLDecoder.decode(pages.get(0).getRawQuery(), StandardCharsets.UTF_8);
                assertTrue(asked.contains("code_challenge_method=S256") && asked.contains("redirect_uri=http://127.0.0.1:"), asked);
                assertTrue(asked.contains("offline_access") && asked.contains("https://graph.microsoft.com/Calendars.ReadWrite")
                        && asked.contains("login_hint=" + user), asked);

                assertEquals(2, read(graph, signedIn.tokens()).size(), "the series and the task, read with the delegated token");
                assertFalse(subjects.isEmpty());
                assertTrue(subjects.stream().allMatch(s -> s.startsWith(user + " ")), "the person's own token: " + subjects);

                // a later run: only the sealed authorized-user JSON, the access token renewed with the refresh token
                Secret sealed = signedIn.sealable();
                SignIn later = SignIns.of(Map.of(SignIns.AUTH, "xoauth2"), user, sealed, "the sealed sign-in").orElseThrow();
                int before = subjects.size();
                assertEquals(2, read(graph, ((SignIn.Bearer) later).tokens()).size());
                assertTrue(subjects.size() > before && subjects.stream().allMatch(s -> s.startsWith(user + " ")), subjects.toString());

                // the command line: migrate --source graph+... --target caldav+..., signed in with the kept sign-in
                Path kept = java.nio.file.Files.writeString(dir.resolve("alice-m365.json"), new String(sealed.reveal()));
                Path davPassword = java.nio.file.Files.writeString(dir.resolve("dav.pw"), Radicale.PASSWORD);
                List<String> args = List.of("migrate", "--source", "graph+http://alice%40contoso.com@"
                        + graph.root().substring("http://".length()), "--source-token-file", kept.toString(), "--target",
                        "caldav+http://" + Radicale.LOGIN + "@127.0.0.1:" + radicale.port() + "/", "--target-password-file",
                        davPassword.toString(), "--allow-plaintext", "--state", dir.resolve("state").toString());
                String first = cli(args);
                assertTrue(first.contains("created 2, updated 0, unchanged 0, failed 0"), first);
                graph.itemReads.set(0);
                String again = cli(args);
                assertTrue(again.contains("created 0, updated 0, unchanged 0, failed 0"), again);
                assertEquals(0, graph.itemReads.get(), "the second run follows Graph's delta links: no item read " + graph.requests);
                assertFalse(first.contains("refresh_token") || again.contains("eyJ"), "no token printed");
                assertEquals(List.of(), graph.violations);
            }
        }
    }

    private static String cli(List<String> args) {
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        int code = org.mailmigrator.cli.Cli.run(args.toArray(String[]::new), new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        String all = out + "\n" + err;
        assertEquals(0, code, String.join(" ", args) + "\n" + all);
        return all;
    }

    private static List<PimItem> read(GraphFake graph, SignIn.TokenSource tokens) throws Exception {
        List<PimItem> items = new ArrayList<>();
        ConnectContext context = ConnectContext.of(new SignIn.Bearer(SignIn.Mechanism.XOAUTH2, tokens), ConnectContext.of((Secret) null));
        try (ConnectorSession s = new GraphConnector().open(GraphPim.graph(graph), Role.SOURCE, context)) {
            s.capability(PimReader.class).orElseThrow().read(e -> {
                if (e instanceof PimEntry.Item i) {
                    items.add(i.item());
                }
                return true;
            });
        }
        return items;
    }
}
