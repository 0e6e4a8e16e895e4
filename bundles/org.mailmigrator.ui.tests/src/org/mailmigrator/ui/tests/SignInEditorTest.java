package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.csv.ImportOptions;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.auth.MicrosoftSignIn;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.DovecotOAuth2;
import org.mailmigrator.testing.TokenTestServer;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * The sign-in choice of an IMAP account in the migration editor, against a real authorization server
 * (mock-oauth2-server) and a Dovecot that only takes its tokens: "Sign in with the provider in the browser" runs the
 * loopback sign-in (the test acting as the system browser), shows "Signed in as …" and never a token, the refresh
 * token is sealed with the row, and "Test connection" then logs in with it; a service account key file is checked
 * before saving and signs in the same way; "Sign in with a code…" (device sign-in) against {@link TokenTestServer};
 * "Microsoft 365 sign-in in the browser" at a tenant's Microsoft-shaped endpoints on the same server.
 */
class SignInEditorTest {
    private static final String DEVICE_USER = "dana@example.com";
    /** The workbench's Microsoft 365 application (Entra ID application id) in the tests. */
    private static final String MICROSOFT_CLIENT = "mailmigrator-m365-test";
    @AutoClose
    private static OAuthTestServers servers;
    private final BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
    private final RunSettings before = session.runSettings();

    @BeforeAll
    static void start() throws Exception {
        servers = OAuthTestServers.start();
        servers.useForSignIn();
    }

    @AfterEach
    void closeEditors() {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        session.setRunSettings(before);
    }

    @Test
    void signInInTheBrowserSealsTheRefreshTokenAndTestConnectionLogsInWithIt() throws Exception {
        session.setRunSettings(before.withAllowPlaintext(true));
        String name = importBatch(session, servers.oauthServer() + ";alice@example.com;unused;" + servers.passwordServer()
                + ";si-dst;" + Dovecot.PASSWORD + ";;\n");
        EditorPage editor = EditorPage.open(MigrationsOf.batch(name), 0);
        var access = editor.access();
        assertEquals("Password", access.sourceSignInChoice().getText(), "a row imported with a password signs in with it");
        assertFalse(access.sourceSignInButton().isEnabled());

        access.sourceSignInChoice().select(1);
        UiTestSupport.click(access.sourceSignInChoice());
        assertTrue(access.sourceSignInButton().isEnabled());
        editor.save();
        assertTrue(editor.header().contains("Sign in: click \"Sign in with the provider in the browser\" first"),
                editor.header());

        BrowserStandIn browser = signInInTheBrowser(access, "alice@example.com");
        assertTrue(browser.opened.toString().contains("code_challenge_method=S256"), browser.opened.toString());
        assertTrue(editor.dirty());
        editor.save();
        assertFalse(editor.dirty(), editor.header());

        Migration m = session.workspace().store().batch(name).orElseThrow().migrations().get(0);
        assertEquals("xoauth2", m.source().setting("auth").orElseThrow());
        String sealed = new String(session.workspace().credentials(m).source().reveal());
        assertTrue(sealed.contains("\"type\":\"authorized_user\""), "the sign-in is sealed as the row's secret");
        assertSealedAndReady(editor, sealed);

        EditorPage again = EditorPage.open(MigrationsOf.batch(name), 0);
        assertEquals("OAuth2 sign-in in the browser", again.access().sourceSignInChoice().getText());
        assertEquals("", again.source().field("password").text());
    }

    /**
     * "Microsoft 365 sign-in in the browser": the tenant typed in the form (checked before saving), the loopback PKCE
     * sign-in through the same browser hook as Google's at the tenant's endpoints {@code AUTHORITY/TENANT/oauth2/v2.0/
     * authorize} and {@code /token} (mock-oauth2-server serving an issuer at that path, as {@code DelegatedSignInTest}
     * does for Graph) with the workbench's Microsoft application and the IMAP scope, "Signed in as …"; the refresh token
     * sealed with the row as Google's (an authorized user JSON naming the tenant's token endpoint); "Test connection"
     * renews the token from it and the OAuth2 Dovecot (standing in for Exchange Online's IMAP) lets the mailbox in; the
     * editor opened again shows the choice and the tenant, and another tenant asks for a new sign-in.
     */
    @Test
    void microsoft365SignInAsksTheTenantSealsTheRefreshTokenAndTestConnectionLogsIn() throws Exception {
        String user = "alice@contoso.com";
        String tenant = "contoso.onmicrosoft.com";
        String issuer = tenant + "/oauth2/v2.0";
        DovecotOAuth2.trustIssuers(servers.oauthImap.dovecot(), servers.auth, List.of(issuer),
                List.of("default", MICROSOFT_CLIENT));
        System.setProperty("mailmigrator.microsoft.clientId", MICROSOFT_CLIENT);
        System.setProperty("mailmigrator.microsoft.authority", "http://127.0.0.1:" + servers.auth.port());
        try {
            session.setRunSettings(before.withAllowPlaintext(true));
            String name = importBatch(session, servers.oauthServer() + ";" + user + ";unused;" + servers.passwordServer()
                    + ";ms-dst;" + Dovecot.PASSWORD + ";;\n");
            EditorPage editor = EditorPage.open(MigrationsOf.batch(name), 0);
            var access = editor.access();
            Text tenantField = access.sourceSignInTenant();
            assertFalse(tenantField.isEnabled(), "the tenant only with its choice");

            access.sourceSignInChoice().select(5);
            UiTestSupport.click(access.sourceSignInChoice());
            assertEquals("Microsoft 365 sign-in in the browser", access.sourceSignInChoice().getText());
            assertTrue(tenantField.isEnabled() && access.sourceSignInButton().isEnabled());
            editor.save();
            assertTrue(editor.header().contains("Sign in: type the Microsoft 365 tenant"), editor.header());
            editor.type(tenantField, "contoso/onmicrosoft");
            editor.save();
            assertTrue(editor.header().contains("the Microsoft 365 tenant 'contoso/onmicrosoft' is not a domain"),
                    editor.header());
            editor.type(tenantField, tenant);
            editor.save();
            assertTrue(editor.header().contains("Sign in: click \"Sign in with the provider in the browser\" first"),
                    editor.header());

            BrowserStandIn browser = signInInTheBrowser(access, user);
            String asked = URLDecoder.decode(browser.opened.toString(), StandardCharsets.UTF_8);
            assertTrue(asked.startsWith(servers.auth.authorizationEndpoint(issuer) + "?"), "the tenant's endpoint: " + asked);
            assertTrue(asked.contains("client_id=" + MICROSOFT_CLIENT) && asked.contains("code_challenge_method=S256")
                    && asked.contains("offline_access") && asked.contains(MicrosoftSignIn.IMAP_SCOPE)
                    && asked.contains("login_hint=" + user), asked);
            editor.save();
            assertFalse(editor.dirty(), editor.header());

            Migration m = session.workspace().store().batch(name).orElseThrow().migrations().get(0);
            assertEquals("xoauth2", m.source().setting("auth").orElseThrow());
            assertEquals("microsoft", m.source().setting("signin").orElseThrow());
            assertEquals(tenant, m.source().setting("oauthTenant").orElseThrow());
            String sealed = new String(session.workspace().credentials(m).source().reveal()).replace("\\/", "/");
            assertTrue(sealed.contains("\"type\":\"authorized_user\"") && sealed.contains("\"client_id\":\""
                    + MICROSOFT_CLIENT + "\"") && sealed.contains("\"token_uri\":\"" + servers.auth.tokenEndpoint(issuer)
                    + "\""), "the sign-in is sealed as the row's secret, naming the tenant's token endpoint");
            assertSealedAndReady(editor, sealed);

            editor.close(); // opened anew from the store, as after a restart
            EditorPage again = EditorPage.open(MigrationsOf.batch(name), 0);
            assertEquals("Microsoft 365 sign-in in the browser", again.access().sourceSignInChoice().getText());
            assertEquals(tenant, again.access().sourceSignInTenant().getText());
            again.type(again.access().sourceSignInTenant(), "fabrikam.onmicrosoft.com");
            again.save();
            assertTrue(again.header().contains("first (the tenant changed)"), again.header());
        } finally {
            System.clearProperty("mailmigrator.microsoft.clientId");
            System.clearProperty("mailmigrator.microsoft.authority");
        }
    }

    @Test
    void aServiceAccountKeyFileIsCheckedAndSignsInForTheMailbox(@TempDir Path dir) throws Exception {
        session.setRunSettings(before.withAllowPlaintext(true));
        String name = importBatch(session, servers.oauthServer() + ";bob@example.com;unused;" + servers.passwordServer()
                + ";si-dst2;" + Dovecot.PASSWORD + ";;\n");
        EditorPage editor = EditorPage.open(MigrationsOf.batch(name), 0);
        var access = editor.access();
        access.sourceSignInChoice().select(2);
        UiTestSupport.click(access.sourceSignInChoice());
        Path notAKey = Files.writeString(dir.resolve("notes.json"), "{\"type\": \"authorized_user\"}");
        editor.type(access.sourceSignInFile(), notAKey.toString());
        editor.save();
        assertTrue(editor.header().contains("Sign in: '" + notAKey + "' is not a service account JSON key"), editor.header());

        Path key = servers.serviceAccountKey(dir);
        editor.type(access.sourceSignInFile(), key.toString());
        editor.save();
        assertFalse(editor.dirty(), editor.header());
        Migration m = session.workspace().store().batch(name).orElseThrow().migrations().get(0);
        assertEquals("serviceaccount", m.source().setting("signin").orElseThrow());
        String privateKey = Files.readString(key).replaceAll("(?s).*BEGIN PRIVATE KEY-----\\\\n([^\\\\]+)\\\\n.*", "$1");
        assertNotInClear(session, privateKey);

        String outcome = editor.testConnection();
        assertTrue(outcome.startsWith("Ready"), outcome);
    }

    /**
     * The New migration wizard's IMAP account page offers the same choice: a service account key file chosen there is
     * checked, the row is stored with {@code auth = xoauth2} and the key sealed, and its "Test connection" signs in.
     */
    @Test
    void theNewMigrationWizardOffersTheSignInChoice(@TempDir Path dir) throws Exception {
        session.setRunSettings(before.withAllowPlaintext(true));
        String name = importBatch(session, servers.passwordServer() + ";wz-src;" + Dovecot.PASSWORD + ";" + servers.passwordServer()
                + ";wz-dst;" + Dovecot.PASSWORD + ";;\n");
        String[] oauth = servers.oauthServer().split(":");
        String[] plain = servers.passwordServer().split(":");
        NewMigrationWizardPage wizard = NewMigrationWizardPage.open(session, name).next();
        wizard.type("host", oauth[0]).type("port", oauth[1]).type("security", "starttls").type("login", "carol@example.com");
        var signIn = wizard.signIn();
        assertEquals("Password", signIn.choice().getText());
        assertEquals("Password is required", wizard.errorMessage());
        signIn.choice().select(2);
        UiTestSupport.click(signIn.choice());
        assertEquals("Sign in: choose the service account key file", wizard.errorMessage());
        Path notAKey = Files.writeString(dir.resolve("notes.json"), "{\"type\": \"authorized_user\"}");
        signIn.file().setText(notAKey.toString());
        UiTestSupport.processEvents();
        assertEquals("Sign in: '" + notAKey + "' is not a service account JSON key (\"type\": \"service_account\")",
                wizard.errorMessage());
        Path key = servers.serviceAccountKey(dir);
        signIn.file().setText(key.toString());
        UiTestSupport.processEvents();
        assertTrue(wizard.canGoOn(), wizard.errorMessage());
        wizard.next().type("host", plain[0]).type("port", plain[1]).type("security", "starttls").type("login", "wz-new")
                .type("password", Dovecot.PASSWORD);
        assertTrue(wizard.finish(), wizard.errorMessage());

        var migrations = session.workspace().store().batch(name).orElseThrow().migrations();
        Migration m = migrations.stream().filter(x -> x.source().setting("login").orElse("").equals("carol@example.com"))
                .findFirst().orElseThrow(() -> new AssertionError("no row added: " + migrations));
        assertEquals("xoauth2", m.source().setting("auth").orElseThrow());
        assertEquals("serviceaccount", m.source().setting("signin").orElseThrow());
        assertTrue(m.destination().setting("auth").isEmpty(), "the destination signs in with its password");
        assertTrue(new String(session.workspace().credentials(m).source().reveal()).replace(" ", "")
                .contains("\"type\":\"service_account\""), "the key is the row's sealed secret");
        String privateKey = Files.readString(key).replaceAll("(?s).*BEGIN PRIVATE KEY-----\\\\n([^\\\\]+)\\\\n.*", "$1");
        assertNotInClear(session, privateKey);

        MigrationsViewPage view = MigrationsOf.batch(name);
        int row = view.column("Source").indexOf(view.column("Source").stream().filter(t -> t.contains("carol")).findFirst()
                .orElseThrow(() -> new AssertionError("row not shown: " + view.column("Source"))));
        String outcome = EditorPage.open(view, row).testConnection();
        assertTrue(outcome.startsWith("Ready"), outcome);
    }

    /**
     * "Sign in with a code…" (RFC 8628 device sign-in, as the command line's {@code --source-device-client}), against
     * {@link TokenTestServer}'s device authorization endpoint (mock-oauth2-server has none) and the OAuth2 Dovecot
     * trusting that server's key: the address and the code are shown in fields that can be copied, "Copy code" puts the
     * code on the clipboard, "Open the browser" opens the address (the test approves there, as the person would), the
     * provider is polled until then, "Signed in as …" and never a token; the sign-in is sealed with the row and "Test
     * connection" logs in with it.
     */
    @Test
    void signInWithACodeShowsItPollsSealsTheSignInAndTestConnectionLogsIn(@TempDir Path dir) throws Exception {
        try (TokenTestServer provider = new TokenTestServer(DEVICE_USER, "unused")) {
            servers.oauthImap.trustKey("default", "RS256", "token-test-server", provider.publicKey());
            Path client = Files.writeString(dir.resolve("device-client.json"), "{\"client_id\": \"" + TokenTestServer.CLIENT
                    + "\", \"device_authorization_endpoint\": \"" + provider.deviceEndpoint() + "\", \"token_endpoint\": \""
                    + provider.tokenEndpoint() + "\", \"scope\": \"https://mail.google.com/ offline_access\"}");
            session.setRunSettings(before.withAllowPlaintext(true));
            String name = importBatch(session, servers.oauthServer() + ";" + DEVICE_USER + ";unused;"
                    + servers.passwordServer() + ";dv-dst;" + Dovecot.PASSWORD + ";;\n");
            EditorPage editor = EditorPage.open(MigrationsOf.batch(name), 0);
            var access = editor.access();
            List<Control> device = access.sourceDeviceSignIn();
            Button start = (Button) device.get(0);
            Text address = (Text) device.get(1);
            Text code = (Text) device.get(2);
            assertFalse(start.isEnabled(), "only with its choice");

            access.sourceSignInChoice().select(4);
            UiTestSupport.click(access.sourceSignInChoice());
            assertEquals("OAuth2 sign-in with a code (any device)", access.sourceSignInChoice().getText());
            assertTrue(start.isEnabled() && access.sourceSignInFile().isEnabled());
            assertFalse(code.isVisible(), "no code before one is asked for");
            editor.save();
            assertTrue(editor.header().contains("Sign in: click \"Sign in with a code\u2026\" and enter the code first"),
                    editor.header());

            editor.type(access.sourceSignInFile(), client.toString());
            AtomicReference<URI> opened = new AtomicReference<>();
            access.sourceSignInBrowser(page -> {
                opened.set(page);
                provider.approve(); // the person signs in on the page and approves the code
            });
            UiTestSupport.click(start);
            UiTestSupport.waitUntil(() -> code.isVisible() && !code.getText().isEmpty(), Duration.ofSeconds(30),
                    () -> access.sourceSignInStatus().getText());
            String verify = "http://127.0.0.1:" + provider.tokenEndpoint().getPort() + "/verify";
            assertEquals(TokenTestServer.USER_CODE, code.getText());
            assertEquals(verify, address.getText());
            assertFalse(code.getEditable() || address.getEditable(), "read-only, selectable fields");
            assertTrue(access.sourceSignInStatus().getText().contains("enter the code " + TokenTestServer.USER_CODE),
                    access.sourceSignInStatus().getText());

            UiTestSupport.click(device.get(4)); // Copy code
            Clipboard clipboard = new Clipboard(code.getDisplay());
            try {
                assertEquals(TokenTestServer.USER_CODE, clipboard.getContents(TextTransfer.getInstance()));
            } finally {
                clipboard.dispose();
            }
            // polled while nobody has approved yet
            UiTestSupport.waitUntil(() -> !provider.pollAnswers().isEmpty(), Duration.ofSeconds(30),
                    () -> "no poll: " + access.sourceSignInStatus().getText());
            assertEquals("authorization_pending", provider.pollAnswers().get(0));
            UiTestSupport.click(device.get(3)); // Open the browser
            assertEquals(URI.create(verify + "?user_code=" + TokenTestServer.USER_CODE), opened.get());
            UiTestSupport.waitUntil(() -> access.sourceSignInStatus().getText().startsWith("Signed in")
                    || access.sourceSignInStatus().getText().startsWith("Not signed in"), Duration.ofSeconds(60),
                    () -> access.sourceSignInStatus().getText() + " / polls " + provider.pollAnswers());
            assertEquals("Signed in as " + DEVICE_USER, access.sourceSignInStatus().getText());
            assertEquals("tokens", provider.pollAnswers().get(provider.pollAnswers().size() - 1));
            assertFalse(code.isVisible(), "the code is gone once used");
            assertTrue(editor.dirty());
            editor.save();
            assertFalse(editor.dirty(), editor.header());

            Migration m = session.workspace().store().batch(name).orElseThrow().migrations().get(0);
            assertEquals("xoauth2", m.source().setting("auth").orElseThrow());
            assertEquals("device", m.source().setting("signin").orElseThrow());
            String sealed = new String(session.workspace().credentials(m).source().reveal());
            assertTrue(sealed.contains("\"type\":\"authorized_user\"") && sealed.contains(provider.refreshToken()),
                    "the sign-in is sealed as the row's secret");
            assertNotInClear(session, provider.refreshToken());
            assertNotInClear(session, provider.deviceCode());

            String outcome = editor.testConnection();
            assertTrue(outcome.startsWith("Ready"), outcome);
            assertFalse(editor.header().contains("eyJ") || editor.header().contains("rt-"), editor.header());
            EditorPage again = EditorPage.open(MigrationsOf.batch(name), 0);
            assertEquals("OAuth2 sign-in with a code (any device)", again.access().sourceSignInChoice().getText());
        }
    }

    /** Clicks "Sign in with the provider in the browser", the test acting as the browser, until "Signed in as USER". */
    private static BrowserStandIn signInInTheBrowser(org.mailmigrator.ui.internal.editor.EditorAccess access, String user) {
        BrowserStandIn browser = new BrowserStandIn(user);
        access.sourceSignInBrowser(browser);
        UiTestSupport.click(access.sourceSignInButton());
        UiTestSupport.waitUntil(() -> access.sourceSignInStatus().getText().startsWith("Signed in")
                || access.sourceSignInStatus().getText().startsWith("Not signed in"), Duration.ofSeconds(60),
                () -> access.sourceSignInStatus().getText() + " / " + browser.failure.get());
        assertNull(browser.failure.get());
        assertEquals("Signed in as " + user, access.sourceSignInStatus().getText());
        return browser;
    }

    /**
     * The refresh token of the sealed sign-in is nowhere in clear in the workspace, and "Test connection" logs in with
     * a token renewed from it, showing no token.
     */
    private void assertSealedAndReady(EditorPage editor, String sealed) throws Exception {
        String refresh = sealed.replaceAll(".*\"refresh_token\":\"([^\"]+)\".*", "$1");
        assertFalse(refresh.isEmpty() || refresh.equals(sealed));
        assertNotInClear(session, refresh);
        String outcome = editor.testConnection();
        assertTrue(outcome.startsWith("Ready"), outcome);
        assertFalse(outcome.contains(refresh) || editor.header().contains("eyJ"), "no token in the header: " + outcome);
    }

    /** No file of the workspace's batches holds {@code secret} in clear (it is sealed). */
    private static void assertNotInClear(BatchSession session, String secret) throws Exception {
        try (Stream<Path> files = Files.walk(session.workspace().folder().batchesDir())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(secret),
                        "a secret in clear in " + f);
            }
        }
    }

    /** A batch of {@code rows} (the imapsync format) imported into the workbench's workspace; its name. */
    private static String importBatch(BatchSession session, String rows) throws Exception {
        String name = "signin-" + System.nanoTime();
        var imported = session.workspace().importer().read(rows.getBytes(StandardCharsets.UTF_8), ImportOptions.auto());
        assertTrue(imported.problems().isEmpty(), imported.problems().toString());
        session.workspace().importBatch(name, imported, false, session.defaults(), java.util.Optional.empty(),
                java.util.Optional.empty());
        return name;
    }

    /** The Migrations view showing one batch's rows. */
    static final class MigrationsOf {
        static MigrationsViewPage batch(String name) throws Exception {
            BatchesViewPage.open().select(name);
            MigrationsViewPage view = MigrationsViewPage.open();
            UiTestSupport.waitUntil(() -> view.rowCount() > 0, Duration.ofSeconds(5), () -> "no rows");
            return view;
        }

        private MigrationsOf() {
        }
    }
}
