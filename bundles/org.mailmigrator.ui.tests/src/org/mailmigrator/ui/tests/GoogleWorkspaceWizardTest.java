package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.auth.ServiceAccountKey;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * The Google Workspace batch wizard: one service account key, a domain and a one-column CSV of users make a batch
 * whose rows all sign in with the key (JWT-bearer grants per mailbox against mock-oauth2-server, Dovecot's oauth2
 * passdb on both sides); bad input is named by field and line; started from the Migrations view, the rows copy the
 * mail and the workspace holds the key only sealed.
 */
class GoogleWorkspaceWizardTest {
    @AutoClose
    private static OAuthTestServers servers;
    private final BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);

    @BeforeAll
    static void start() throws Exception {
        servers = OAuthTestServers.start();
    }

    @Test
    void aDomainsUsersBecomeRowsThatSignInWithTheKeyAndRun(@TempDir Path dir) throws Exception {
        var before = session.runSettings();
        session.setRunSettings(before.withAllowPlaintext(true));
        try {
            Path key = servers.serviceAccountKey(dir);
            servers.seed("gw1@example.com", 2, key);
            servers.seed("gw2@example.com", 3, key);
            Path notAKey = Files.writeString(dir.resolve("client.json"), "{\"type\": \"authorized_user\"}");
            String name = "workspace-" + System.nanoTime();
            String server = "imap://127.0.0.1:" + servers.oauthImap.imapPort();

            GoogleWorkspaceWizardPage wizard = GoogleWorkspaceWizardPage.open(session);
            assertEquals("imaps://imap.gmail.com", wizard.source(), "Gmail's IMAP server by default");
            wizard.name(name).key(notAKey.toString());
            assertEquals("Service account key: '" + notAKey + "' is not a service account JSON key (\"type\": "
                    + "\"service_account\")", wizard.errorMessage());
            wizard.key(key.toString()).domain("example.com").source(server).users("email\ngw1\ngw2@example.com\nbob@other.org\n");
            assertEquals("Users, line 4: 'bob@other.org' is not in the domain example.com", wizard.errorMessage());
            wizard.users("gw1@example.com\ngw1,gw2\n");
            assertEquals("Users, line 2: 'gw1,gw2' has more than one column (one address a line)", wizard.errorMessage());
            wizard.users("gw1\ngw1@example.com\n");
            assertEquals("Users, line 2: gw1@example.com is already on line 1", wizard.errorMessage());
            Path csv = Files.writeString(dir.resolve("users.csv"), "email\r\ngw1@example.com\r\ngw2\r\n");
            wizard.loadCsv(csv);
            assertEquals("Destination server: '' is not imaps://HOST[:PORT] or imap://HOST[:PORT]", wizard.errorMessage());
            wizard.destination(server).destinationDomain("example.net");
            assertTrue(wizard.finish(), wizard.errorMessage());

            List<Migration> rows = session.workspace().store().batch(name).orElseThrow().migrations();
            assertEquals(List.of("gw1@example.com", "gw2@example.com"), rows.stream()
                    .map(m -> m.source().setting("login").orElseThrow()).toList());
            assertEquals(List.of("gw1@example.net", "gw2@example.net"), rows.stream()
                    .map(m -> m.destination().setting("login").orElseThrow()).toList());
            for (Migration m : rows) {
                assertEquals("xoauth2", m.source().setting("auth").orElseThrow());
                var creds = session.workspace().credentials(m);
                assertTrue(ServiceAccountKey.isKey(creds.source()) && ServiceAccountKey.isKey(creds.destination()),
                        "both sides sign in with the sealed key");
            }
            String keyText = Files.readString(key);
            String keyPart = keyText.substring(keyText.indexOf("PRIVATE KEY-----") + 20).substring(0, 40);
            try (Stream<Path> files = Files.walk(session.workspace().folder().batchesDir())) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertFalse(text.contains(keyPart) || text.contains("BEGIN PRIVATE KEY"), "the key in clear in " + f);
                }
            }

            BatchesViewPage.open().select(name);
            MigrationsViewPage migrations = MigrationsViewPage.open();
            UiTestSupport.waitUntil(() -> migrations.rowCount() == 2, Duration.ofSeconds(5), () -> "no rows");
            migrations.selectAll();
            migrations.run("Start");
            UiTestSupport.waitUntil(() -> migrations.column("Status").stream().noneMatch(s -> s.equals("Queued")
                    || s.equals("Running") || s.equals("Pre-flight")), Duration.ofSeconds(120),
                    () -> migrations.column("Status").toString());
            assertEquals(List.of("Synced", "Synced"), migrations.column("Status"), migrations.column("Last error").toString());
            assertEquals(2, servers.count("gw1@example.net"));
            assertEquals(3, servers.count("gw2@example.net"));
        } finally {
            session.setRunSettings(before);
        }
    }
}
