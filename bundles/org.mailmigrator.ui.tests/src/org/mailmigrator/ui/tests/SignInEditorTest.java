package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.csv.ImportOptions;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * The sign-in choice of an IMAP account in the migration editor, against a real authorization server
 * (mock-oauth2-server) and a Dovecot that only takes its tokens: "Sign in with the provider in the browser" runs the
 * loopback sign-in (the test acting as the system browser), shows "Signed in as …" and never a token, the refresh
 * token is sealed with the row, and "Test connection" then logs in with it; a service account key file is checked
 * before saving and signs in the same way.
 */
class SignInEditorTest {
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
        String name = importBatch(servers.oauthServer() + ";alice@example.com;unused;" + servers.passwordServer()
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

        BrowserStandIn browser = new BrowserStandIn("alice@example.com");
        access.sourceSignInBrowser(browser);
        UiTestSupport.click(access.sourceSignInButton());
        UiTestSupport.waitUntil(() -> access.sourceSignInStatus().getText().startsWith("Signed in")
                || access.sourceSignInStatus().getText().startsWith("Not signed in"), Duration.ofSeconds(60),
                () -> access.sourceSignInStatus().getText() + " / " + browser.failure.get());
        assertNull(browser.failure.get());
        assertEquals("Signed in as alice@example.com", access.sourceSignInStatus().getText());
        assertTrue(browser.opened.toString().contains("code_challenge_method=S256"), browser.opened.toString());
        assertTrue(editor.dirty());
        editor.save();
        assertFalse(editor.dirty(), editor.header());

        Migration m = session.workspace().store().batch(name).orElseThrow().migrations().get(0);
        assertEquals("xoauth2", m.source().setting("auth").orElseThrow());
        String sealed = new String(session.workspace().credentials(m).source().reveal());
        assertTrue(sealed.contains("\"type\":\"authorized_user\""), "the sign-in is sealed as the row's secret");
        String refresh = sealed.replaceAll(".*\"refresh_token\":\"([^\"]+)\".*", "$1");
        assertFalse(refresh.isEmpty() || refresh.equals(sealed));
        assertNotInClear(refresh);

        String outcome = editor.testConnection();
        assertTrue(outcome.startsWith("Ready"), outcome);
        assertFalse(outcome.contains(refresh) || editor.header().contains("eyJ"), "no token in the header: " + outcome);

        EditorPage again = EditorPage.open(MigrationsOf.batch(name), 0);
        assertEquals("OAuth2 sign-in in the browser", again.access().sourceSignInChoice().getText());
        assertEquals("", again.source().field("password").text());
    }

    @Test
    void aServiceAccountKeyFileIsCheckedAndSignsInForTheMailbox(@TempDir Path dir) throws Exception {
        session.setRunSettings(before.withAllowPlaintext(true));
        String name = importBatch(servers.oauthServer() + ";bob@example.com;unused;" + servers.passwordServer()
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
        assertNotInClear(privateKey);

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
        String name = importBatch(servers.passwordServer() + ";wz-src;" + Dovecot.PASSWORD + ";" + servers.passwordServer()
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
        assertNotInClear(privateKey);

        MigrationsViewPage view = MigrationsOf.batch(name);
        int row = view.column("Source").indexOf(view.column("Source").stream().filter(t -> t.contains("carol")).findFirst()
                .orElseThrow(() -> new AssertionError("row not shown: " + view.column("Source"))));
        String outcome = EditorPage.open(view, row).testConnection();
        assertTrue(outcome.startsWith("Ready"), outcome);
    }

    private void assertNotInClear(String secret) throws Exception {
        try (Stream<Path> files = Files.walk(session.workspace().folder().batchesDir())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(secret),
                        "a secret in clear in " + f);
            }
        }
    }

    private String importBatch(String rows) throws Exception {
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
