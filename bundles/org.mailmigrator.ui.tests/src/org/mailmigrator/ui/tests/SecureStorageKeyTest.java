package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.notify.SmtpPassword;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.workspace.BatchWorkspace;
import org.mailmigrator.batch.workspace.WorkspaceService;
import org.mailmigrator.cli.Cli;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.internal.prefs.SecureStorageKey;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The workbench's "keep the secrets key in secure storage" (issue 12): the workspace holds no key file, a new
 * workbench session on the same workspace (the storage read again from its file) still opens the sealed
 * password, the command line names the secure storage instead of failing on a missing key, and turning the
 * option off puts the same key back in the file. The storage gets its password from the documented
 * {@link IProviderHints#DEFAULT_PASSWORD} hint with prompting off, so these checks of the key's moves do not depend
 * on a keyring; the product's provider (the OS keyring through libsecret), its refusal without a Secret Service and
 * the preference page are tested by {@link KeyringTest}.
 */
class SecureStorageKeyTest {
    private static final String CSV = """
            source.server,source.login,source.password,destination.server,destination.login,destination.password
            imaps://a.example,alice,pw-a,imaps://b.example,alice,pw-a2
            """;

    @Test
    void keyLivesInSecureStorageAcrossSessionsAndTheCliSaysSo(@TempDir Path dir) throws Exception {
        Workspace ws = new Workspace(dir.resolve("ws"));
        Path storeFile = dir.resolve("secure_storage");
        try (BatchSession first = session(ws, storage(storeFile))) {
            SmtpPassword.save(ws, first.workspace().vault(true), Secret.of("smtp-pw-1"));
        }
        assertFalse(Files.exists(ws.defaultSecretsKey()), "no key file beside the data");
        assertTrue(Files.size(storeFile) > 0, "the key went to the secure storage file");
        String marker = Files.readString(SecretVault.secureStorageMarker(ws.defaultSecretsKey()));

        // a workbench restart: the storage read again from its file (a copy, so no cached instance is reused)
        Path again = dir.resolve("secure_storage_after_restart");
        Files.copy(storeFile, again);
        try (BatchSession second = session(ws, storage(again))) {
            assertEquals("smtp-pw-1", new String(SmtpPassword.load(ws, second.workspace().vault(false))
                    .orElseThrow().reveal()));
        }
        assertFalse(Files.exists(ws.defaultSecretsKey()));

        // a key file with another key appears meanwhile: neither key is thrown away
        SecretVault.writeKey(ws.defaultSecretsKey(), SecretVault.newKey());
        String other = Files.readString(ws.defaultSecretsKey());
        java.io.IOException two = assertThrows(java.io.IOException.class,
                () -> new SecureStorageKey(storage(again)).vault(ws));
        assertTrue(two.getMessage().contains("holds another key than the workbench's secure storage: both are kept"),
                two.getMessage());
        assertEquals(other, Files.readString(ws.defaultSecretsKey()));
        Files.delete(ws.defaultSecretsKey());

        Path csv = dir.resolve("team.csv");
        Files.writeString(csv, CSV);
        String[] cli = cli("batch", "import", csv.toString(), "--workspace", ws.dir().toString());
        assertTrue(cli[1].contains("kept in the workbench's secure storage (Preferences > Mail Migrator > Secrets)"),
                cli[1]);
        assertFalse(cli[1].contains("Exception"), cli[1]);
        assertFalse(Files.exists(ws.defaultSecretsKey()), "the CLI made no new key beside the data");

        // the option turned off: the same key back in the file, the CLI works and the password still opens
        new SecureStorageKey(storage(again)).release(ws);
        String keyText = Files.readString(ws.defaultSecretsKey()).trim();
        assertFalse(marker.contains(keyText), "the marker holds no key");
        assertFalse(Files.readString(storeFile).contains(keyText), "the storage holds the key encrypted, not in clear");
        assertEquals("0", cli("batch", "import", csv.toString(), "--workspace", ws.dir().toString())[0]);
        assertEquals("smtp-pw-1", new String(SmtpPassword.load(ws,
                SecretVault.open(ws.defaultSecretsKey(), false)).orElseThrow().reveal()));
    }

    private static BatchSession session(Workspace ws, ISecurePreferences storage) throws Exception {
        BatchWorkspace handle = service().open(ws, Optional.empty());
        new SecureStorageKey(storage).install(handle); // what BatchSessionFactory does with the option on
        return new BatchSession(handle, RegistryFactory.getRegistry());
    }

    /** Secure storage in a file of the test's, its password from the provider hint, never a prompt. */
    private static ISecurePreferences storage(Path file) throws Exception {
        return SecurePreferencesFactory.open(file.toUri().toURL(), Map.of(
                IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec("test-only-password".toCharArray()),
                IProviderHints.PROMPT_USER, Boolean.FALSE));
    }

    private static WorkspaceService service() throws InterruptedException {
        var context = FrameworkUtil.getBundle(SecureStorageKeyTest.class).getBundleContext();
        var tracker = new ServiceTracker<WorkspaceService, WorkspaceService>(context, WorkspaceService.class, null);
        tracker.open();
        return tracker.waitForService(10_000);
    }

    private static String[] cli(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] { String.valueOf(code), err + out.toString() };
    }
}
