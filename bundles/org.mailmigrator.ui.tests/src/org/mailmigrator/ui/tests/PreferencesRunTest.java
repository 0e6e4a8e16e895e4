package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.notify.SmtpSettings;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.internal.prefs.RunPreferences;

/**
 * The preferences change what runs started from the workbench do, against a real Dovecot: the per-server
 * limit new batches get (a limit below what a pair needs fails the pair, saying so), and the TLS policy
 * (required: the pair fails on Dovecot's self-signed certificate; plaintext allowed: it syncs).
 */
class PreferencesRunTest {

    @Test
    void perServerLimitAndTlsPolicyAreHonouredByRuns(@TempDir Path dir) throws Exception {
        BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
        var before = session.runSettings();
        // the store the preference page edits, saved as its OK button saves it
        IPreferenceStore prefs = new ScopedPreferenceStore(InstanceScope.INSTANCE, RunPreferences.NODE);
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH)) {
            TestMailboxes.fill(d, "pf-s0", 3);
            String server = Dovecot.HOST + ":" + d.imapPort();
            String row = server + ";pf-s0;" + Dovecot.PASSWORD + ";" + server + ";pf-d0;" + Dovecot.PASSWORD + ";;\n";

            set(prefs, RunPreferences.PER_HOST, "3", RunPreferences.CONCURRENCY, "2",
                    RunPreferences.TLS_POLICY, RunPreferences.TLS_ALLOW_PLAINTEXT);
            String tight = importAndSelect(dir, row);
            assertEquals(3, session.store().batch(tight).orElseThrow().perHostLimit(), "new batches get the preference");
            assertEquals(2, session.store().batch(tight).orElseThrow().concurrency());
            MigrationsViewPage migrations = runAll();
            assertEquals(List.of("Failed"), migrations.column("Status"));
            // source and destination on one host: 2 connections per side, 4 on 127.0.0.1
            assertTrue(migrations.cell(0, "Last error").contains("per-host limit 3"), migrations.cell(0, "Last error"));

            set(prefs, RunPreferences.PER_HOST, "4", RunPreferences.TLS_POLICY, RunPreferences.TLS_REQUIRE);
            assertFalse(session.runSettings().allowPlaintext(), "the policy applies at once");
            String tls = importAndSelect(dir, row);
            migrations = runAll();
            assertEquals(List.of("Failed"), migrations.column("Status"));
            String refused = migrations.cell(0, "Last error");
            assertFalse(refused.contains("per-host"), refused);
            System.out.println("with TLS required: " + refused);
            assertEquals(0, TestMailboxes.count(d, "pf-d0"), "nothing was copied without TLS");

            set(prefs, RunPreferences.TLS_POLICY, RunPreferences.TLS_ALLOW_PLAINTEXT);
            migrations.selectAll();
            migrations.run("Retry");
            UiTestSupport.waitUntil(() -> migrations.column("Status").equals(List.of("Synced")), Duration.ofSeconds(60),
                    () -> migrations.column("Status") + " " + migrations.cell(0, "Last error"));
            assertEquals(3, TestMailboxes.count(d, "pf-d0"));
            assertTrue(session.store().batch(tls).isPresent());
        } finally {
            set(prefs, RunPreferences.PER_HOST, String.valueOf(BatchSession.DEFAULT_PER_HOST), RunPreferences.CONCURRENCY,
                    String.valueOf(BatchSession.DEFAULT_PARALLEL), RunPreferences.TLS_POLICY, RunPreferences.TLS_REQUIRE);
            session.setRunSettings(before);
        }
    }

    @Test
    void smtpSettingsAreSavedWhereTheCommandLineReadsThem() throws Exception {
        BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
        var dialog = org.eclipse.ui.dialogs.PreferencesUtil.createPreferenceDialogOn(
                PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "org.mailmigrator.ui.preferences.smtp", null, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        UiTestSupport.processEvents();
        var page = (org.eclipse.jface.preference.FieldEditorPreferencePage) dialog.getSelectedPage();
        var store = page.getPreferenceStore();
        store.setValue("smtp.host", "smtp.example.org");
        store.setValue("smtp.port", 2525);
        store.setValue("smtp.security", "none");
        store.setValue("smtp.from", "migrations@example.org");
        // as OK does, after the fields were read into the store
        assertTrue(page.performOk());
        dialog.close();
        assertEquals(Optional.of(new SmtpSettings("smtp.example.org", 2525, "none", "migrations@example.org", Optional.empty())),
                SmtpSettings.load(session.workspace()));
    }

    private static void set(IPreferenceStore prefs, String... keysAndValues) throws Exception {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            prefs.setValue(keysAndValues[i], keysAndValues[i + 1]);
        }
        ((ScopedPreferenceStore) prefs).save();
        UiTestSupport.processEvents();
    }

    private static String importAndSelect(Path dir, String rows) throws Exception {
        Path file = dir.resolve("prefs-" + System.nanoTime() + ".txt");
        Files.writeString(file, rows);
        BatchesViewPage batches = BatchesViewPage.open();
        ImportWizardPage wizard = batches.openImport().chooseFile(file);
        String name = wizard.batchName();
        assertTrue(wizard.finish());
        batches.select(name);
        return name;
    }

    private static MigrationsViewPage runAll() throws Exception {
        MigrationsViewPage migrations = MigrationsViewPage.open();
        migrations.selectAll();
        migrations.run("Start");
        UiTestSupport.waitUntil(() -> migrations.column("Status").stream().noneMatch(s -> s.equals("Queued")
                || s.equals("Running") || s.equals("Pre-flight")), Duration.ofSeconds(60), () -> migrations.column("Status").toString());
        return migrations;
    }
}
