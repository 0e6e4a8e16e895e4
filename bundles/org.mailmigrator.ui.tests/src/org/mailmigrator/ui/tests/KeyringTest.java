package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.internal.prefs.RunPreferences;
import org.mailmigrator.ui.internal.prefs.SecretsPreferencePage;
import org.mailmigrator.ui.internal.prefs.SecureStorageKey;

/**
 * The workbench keeps the secrets key in the OS keyring (issue 12), as the built product does it: Equinox secure
 * storage with its libsecret provider (the fragment the UI feature ships), a real gnome-keyring-daemon on a private
 * session D-Bus ({@link SecretServiceBus}), and the Secrets preference page driven through its widgets. Without a
 * Secret Service the option is refused, saying what to install, and the key file stays; with one the key file goes,
 * {@code secret-tool} finds the storage's master password in the keyring, a row's sealed password still opens (a
 * run against Dovecot copies the mail, and a storage read anew through the keyring opens the password), and turning
 * the option off writes the same key back.
 */
class KeyringTest {
    private static SecretServiceBus bus;
    private static Dovecot dovecot;

    @BeforeAll
    static void start() throws Exception {
        bus = SecretServiceBus.start();
        dovecot = Dovecot.start(Dovecot.Layout.SLASH);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            bus.stopKeyring();
        } finally {
            dovecot.close();
        }
    }

    @Test
    void vaultKeyGoesToTheOsKeyringAndBack(@TempDir Path dir) throws Exception {
        BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
        Workspace ws = session.workspace().folder();
        Path keyFile = ws.defaultSecretsKey();
        Path storageFile = Path.of(System.getenv("ECLIPSE_KEYRING"));
        ScopedPreferenceStore prefs = new ScopedPreferenceStore(InstanceScope.INSTANCE, RunPreferences.NODE);
        try {
            prefs.setValue(RunPreferences.TRUST_SHA256, dovecot.certificateSha256());
            prefs.save();
            TestMailboxes.fill(dovecot, "kr-s0", 3);
            String server = Dovecot.HOST + ":" + dovecot.imapPort();
            Path csv = dir.resolve("keyring.txt");
            Files.writeString(csv, server + ";kr-s0;" + Dovecot.PASSWORD + ";" + server + ";kr-d0;" + Dovecot.PASSWORD + ";;\n");
            String batch = BatchesViewPage.open().importAndSelect(csv);
            String keyBefore = Files.readString(keyFile);

            // a session bus without a Secret Service: refused, saying what to install; the key file untouched
            assertFalse(bus.secretServiceOwned());
            SecretsPreferencesPage page = SecretsPreferencesPage.open();
            assertEquals("Now: the key file " + keyFile, page.where());
            assertTrue(page.description().contains("your desktop's keyring keeps through the Secret Service"),
                    page.description());
            page.option(true);
            assertFalse(page.applyAndClose(), "the page refuses without a keyring");
            String refused = page.errorMessage();
            System.out.println("without a Secret Service: " + refused);
            assertTrue(refused.contains("no OS keyring answered") && refused.contains("apt-get install gnome-keyring "
                    + "libsecret-1-0") && refused.endsWith("The key file " + keyFile + " is kept"), refused);
            page.cancel();
            assertFalse(SecretsPreferencePage.keyInSecureStorage());
            assertEquals(keyBefore, Files.readString(keyFile));
            assertFalse(Files.exists(SecretVault.secureStorageMarker(keyFile)));

            // gnome-keyring running and unlocked: the key leaves the workspace folder
            bus.startKeyring("kr-login-password");
            page = SecretsPreferencesPage.open();
            page.option(true);
            assertTrue(page.applyAndClose(), "the page accepts: " + page.errorMessage());
            assertTrue(SecretsPreferencePage.keyInSecureStorage());
            assertFalse(Files.exists(keyFile), "no key file left beside the data");
            assertTrue(Files.exists(SecretVault.secureStorageMarker(keyFile)));
            assertFalse(Files.readString(SecretVault.secureStorageMarker(keyFile)).contains(keyBefore.trim()));
            assertFalse(Files.readString(storageFile).contains(keyBefore.trim()), "the storage holds the key encrypted");
            String[] search = bus.secretTool("search", "--all", "xdg:schema", "org.eclipse.equinox");
            assertEquals("0", search[0], "secret-tool search failed");
            assertTrue(search[1].contains("label = Equinox master password"), "the keyring holds the storage's master "
                    + "password (secret-tool's answer is not printed: it holds the secret)");
            page = SecretsPreferencesPage.open();
            assertTrue(page.option());
            assertTrue(page.where().startsWith("Now: in the workbench's secure storage (master password in the OS keyring)"),
                    page.where());
            page.cancel();

            // the row's sealed password still opens: a run copies the mail ...
            MigrationsViewPage migrations = MigrationsViewPage.open();
            migrations.selectAll();
            migrations.run("Start");
            UiTestSupport.waitUntil(() -> migrations.column("Status").equals(List.of("Synced")), Duration.ofSeconds(60),
                    () -> migrations.column("Status") + " " + migrations.cell(0, "Last error"));
            assertEquals(3, TestMailboxes.count(dovecot, "kr-d0"));
            // ... and so does a storage read anew (a workbench restart): its master password comes from the keyring
            Path restart = dir.resolve("secure_storage_after_restart");
            Files.copy(storageFile, restart);
            assertEquals(Dovecot.PASSWORD, sourcePassword(session, batch, new SecureStorageKey(
                    SecurePreferencesFactory.open(restart.toUri().toURL(), null)).vault(ws)));
            assertFalse(Files.exists(keyFile));

            // turned off: the same key back in the file, the marker and the storage's node gone
            page = SecretsPreferencesPage.open();
            page.option(false);
            assertTrue(page.applyAndClose(), "the page accepts: " + page.errorMessage());
            assertFalse(SecretsPreferencePage.keyInSecureStorage());
            assertEquals(keyBefore, Files.readString(keyFile));
            assertFalse(Files.exists(SecretVault.secureStorageMarker(keyFile)));
            assertEquals(Dovecot.PASSWORD, sourcePassword(session, batch, SecretVault.open(keyFile, false)));

            // the key really depended on the keyring: with gnome-keyring gone, that storage opens nothing
            Path later = dir.resolve("secure_storage_without_keyring");
            Files.copy(restart, later);
            bus.stopKeyring();
            IOException locked = assertThrows(IOException.class, () -> new SecureStorageKey(
                    SecurePreferencesFactory.open(later.toUri().toURL(), null)).vault(ws));
            System.out.println("keyring gone: " + locked.getMessage());
            assertTrue(locked.getMessage().contains("keyring"), locked.getMessage());
            assertEquals(keyBefore, Files.readString(keyFile), "the key file is kept");
        } finally {
            if (SecretsPreferencePage.keyInSecureStorage() || !Files.exists(keyFile)) {
                // a failure above must not leave the other UI tests without their key file
                new SecureStorageKey(SecurePreferencesFactory.getDefault()).release(ws);
                InstanceScope.INSTANCE.getNode(RunPreferences.NODE).putBoolean(SecretsPreferencePage.IN_SECURE_STORAGE, false);
            }
            prefs.setValue(RunPreferences.TRUST_SHA256, "");
            prefs.save();
        }
    }

    /** The row's source password, opened with {@code vault} from what the store keeps sealed. */
    private static String sourcePassword(BatchSession session, String batch, SecretVault vault) throws Exception {
        Migration m = session.workspace().store().batch(batch).orElseThrow().migrations().get(0);
        String key = m.source().credential().key();
        return new String(vault.open(key, session.workspace().store().sealedCredential(key).orElseThrow()).reveal());
    }
}
