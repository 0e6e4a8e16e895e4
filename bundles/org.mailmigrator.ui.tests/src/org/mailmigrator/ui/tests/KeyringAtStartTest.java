package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.notify.SmtpPassword;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.workspace.BatchWorkspace;
import org.mailmigrator.batch.workspace.WorkspaceService;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.internal.prefs.KeyringAtStart;
import org.mailmigrator.ui.internal.prefs.SecureStorageKey;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The workbench's start with "keep the secrets key in secure storage" on while the OS keyring does not answer (issue
 * 12), as {@code BatchSessionFactory} starts it: {@link KeyringAtStart#install} then the session, here with a secure
 * storage file of the test's read anew (as at a restart: no master password cached in this process), on a real
 * gnome-keyring-daemon on a private session D-Bus ({@link SecretServiceBus}), libsecret being the storage's provider.
 * The administrator sees the dialog "Secrets key not available" (and the Error Log entry) saying why and what it means;
 * the workbench's session opens all the same; nothing is lost: a key file still there is kept byte for byte and used,
 * a key already in the keyring gets no rival key file (the marker stays, opening or sealing a password says why it
 * cannot), and once the keyring answers again the next start opens the stored password.
 */
class KeyringAtStartTest {
    private static final String KEYRING_PASSWORD = "kas-login-password";
    private static SecretServiceBus bus;

    @BeforeAll
    static void start() throws Exception {
        bus = SecretServiceBus.start();
    }

    @AfterAll
    static void stop() throws Exception {
        bus.stopKeyring();
    }

    @Test
    void aKeyringThatDoesNotAnswerAtStartIsToldTheWorkbenchOpensAndNothingIsLost(@TempDir Path dir) throws Exception {
        assertFalse(bus.secretServiceOwned(), "the test starts on a session bus without a Secret Service");
        List<String> logged = new CopyOnWriteArrayList<>();
        ILogListener log = (status, plugin) -> {
            if (status.getSeverity() == IStatus.ERROR) {
                logged.add(status.getMessage());
            }
        };
        Platform.addLogListener(log);
        try {
            // 1. the key never reached the storage (its file is still there): kept as it is and used
            Workspace kept = new Workspace(dir.resolve("key-file-kept"));
            SmtpPassword.save(kept, SecretVault.open(kept.defaultSecretsKey(), true), Secret.of("smtp-pw-1"));
            Map<Path, String> before = files(kept);
            Start start = startWorkbench(kept, dir.resolve("storage-never-held"));
            try (BatchSession session = start.session) {
                System.out.println("keyring silent, key file there: " + start.dialog);
                assertTrue(start.dialog.contains("no OS keyring answered") && start.dialog.contains(
                        "apt-get install gnome-keyring libsecret-1-0"), "why, and what to install: " + start.dialog);
                assertTrue(start.dialog.endsWith("Until it can, the key file " + kept.defaultSecretsKey() + " is used as it "
                        + "is: stored passwords open, and the key moves to the keyring at a start with the keyring "
                        + "available."), start.dialog);
                String told = start.dialog;
                UiTestSupport.waitUntil(() -> logged.contains(told), Duration.ofSeconds(10),
                        () -> "not in the Error Log: " + logged);
                assertEquals("smtp-pw-1", password(kept, session));
                assertEquals(before, files(kept), "the key file kept byte for byte, nothing written");
            }

            // 2. the key in the keyring's care, then a start without the keyring
            Workspace moved = new Workspace(dir.resolve("key-in-keyring"));
            SmtpPassword.save(moved, SecretVault.open(moved.defaultSecretsKey(), true), Secret.of("smtp-pw-2"));
            Path storage = dir.resolve("secure_storage");
            bus.startKeyring(KEYRING_PASSWORD);
            new SecureStorageKey(SecurePreferencesFactory.open(storage.toUri().toURL(), null)).vault(moved);
            bus.stopKeyring();
            assertFalse(Files.exists(moved.defaultSecretsKey()), "the key left the workspace folder");
            before = files(moved);
            start = startWorkbench(moved, copy(storage, dir.resolve("storage-restart-1")));
            try (BatchSession session = start.session) {
                System.out.println("keyring silent, key in it: " + start.dialog);
                assertTrue(start.dialog.contains("cannot give the secrets key") && start.dialog.contains("keyring"),
                        start.dialog);
                assertTrue(start.dialog.endsWith("Stored passwords cannot be read until the workbench is restarted with "
                        + "the keyring available; nothing was changed (no new key was made, nothing sealed was touched)."),
                        start.dialog);
                String told = start.dialog;
                UiTestSupport.waitUntil(() -> logged.contains(told), Duration.ofSeconds(10),
                        () -> "not in the Error Log: " + logged);
                IOException closed = assertThrows(IOException.class, () -> password(moved, session));
                assertTrue(closed.getMessage().contains("restart the workbench with the keyring available"),
                        closed.getMessage());
                IllegalStateException noSeal = assertThrows(IllegalStateException.class,
                        () -> session.workspace().vault(true).seal("smtp/notify", Secret.of("other")));
                assertTrue(noSeal.getMessage().startsWith("nothing can be sealed now"), noSeal.getMessage());
                assertEquals(before, files(moved), "no key file made, the marker and the sealed password untouched");
            }

            // 3. the person logs in again (the same keyring, unlocked): the next start opens the stored password
            bus.startKeyringAgain(KEYRING_PASSWORD);
            start = startWorkbench(moved, copy(storage, dir.resolve("storage-restart-2")));
            try (BatchSession session = start.session) {
                assertEquals("", start.dialog, "no dialog when the keyring answers");
                assertEquals("smtp-pw-2", password(moved, session), "nothing was lost");
                assertFalse(Files.exists(moved.defaultSecretsKey()));
            }
            bus.stopKeyring();
        } finally {
            Platform.removeLogListener(log);
        }
    }

    /** A workbench start on {@code ws} with its secure storage in {@code storage}: the dialog's text ("" for none). */
    private static Start startWorkbench(Workspace ws, Path storage) throws Exception {
        Display display = Display.getCurrent();
        DialogPage dialog = DialogPage.arm(KeyringAtStart.TITLE, org.eclipse.jface.dialogs.IDialogConstants.OK_LABEL);
        BatchWorkspace handle = service().open(ws, Optional.empty());
        Optional<String> told;
        BatchSession session;
        try {
            told = KeyringAtStart.install(handle, () -> new SecureStorageKey(
                    SecurePreferencesFactory.open(storage.toUri().toURL(), null)), display);
            session = new BatchSession(handle, RegistryFactory.getRegistry());
        } catch (Exception | Error e) {
            dialog.stop();
            handle.close();
            throw e;
        }
        if (told.isEmpty()) {
            UiTestSupport.processEvents();
            dialog.stop();
            assertFalse(dialog.seen(), "a dialog without a reason");
            return new Start(session, "");
        }
        UiTestSupport.waitUntil(dialog::seen, Duration.ofSeconds(30), () -> "no dialog '" + KeyringAtStart.TITLE + "'");
        dialog.stop();
        assertTrue(dialog.text().contains(told.get()), "the dialog shows what was logged: " + dialog.text());
        return new Start(session, told.get());
    }

    private record Start(BatchSession session, String dialog) {
    }

    private static String password(Workspace ws, BatchSession session) throws IOException {
        return new String(SmtpPassword.load(ws, session.workspace().vault(false)).orElseThrow().reveal());
    }

    /** The secrets files of the workspace: key file, marker, the sealed SMTP password (name to content). */
    private static Map<Path, String> files(Workspace ws) throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        List<Path> paths = new ArrayList<>(List.of(ws.defaultSecretsKey(), SecretVault.secureStorageMarker(
                ws.defaultSecretsKey()), SmtpPassword.file(ws)));
        for (Path p : paths) {
            files.put(p, Files.exists(p) ? Base64.getEncoder().encodeToString(Files.readAllBytes(p)) : "(none)");
        }
        return files;
    }

    private static Path copy(Path from, Path to) throws IOException {
        return Files.copy(from, to);
    }

    private static WorkspaceService service() throws InterruptedException {
        var context = FrameworkUtil.getBundle(KeyringAtStartTest.class).getBundleContext();
        var tracker = new ServiceTracker<WorkspaceService, WorkspaceService>(context, WorkspaceService.class, null);
        tracker.open();
        return tracker.waitForService(10_000);
    }
}
