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
import org.mailmigrator.batch.notify.SmtpPassword;
import org.mailmigrator.batch.notify.SmtpSettings;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.internal.prefs.RunPreferences;

/**
 * The preferences change what runs started from the workbench do, against a real Dovecot: the per-server
 * limit new batches get (a limit below what a pair needs fails the pair, saying so), the TLS policy and the
 * pinned certificates (TLS required: the pair fails on Dovecot's self-signed certificate, syncs once it is
 * pinned; plaintext allowed: a pair without a pin syncs).
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
            assertEquals(3, session.workspace().store().batch(tight).orElseThrow().perHostLimit(), "new batches get the preference");
            assertEquals(2, session.workspace().store().batch(tight).orElseThrow().concurrency());
            MigrationsViewPage first = runAll();
            assertEquals(List.of("Failed"), first.column("Status"));
            // source and destination on one host: 2 connections per side, 4 on 127.0.0.1
            assertTrue(first.cell(0, "Last error").contains("per-host limit 3"), first.cell(0, "Last error"));

            set(prefs, RunPreferences.PER_HOST, "4", RunPreferences.TLS_POLICY, RunPreferences.TLS_REQUIRE);
            assertFalse(session.runSettings().allowPlaintext(), "the policy applies at once");
            String tls = importAndSelect(dir, row);
            // the run asks about Dovecot's self-signed certificate once; refused, the pair fails saying why
            DialogPage question = DialogPage.arm("Untrusted certificate", "&Refuse");
            MigrationsViewPage migrations = runAll();
            question.stop();
            assertTrue(question.seen(), "the run asked about the certificate");
            assertEquals(List.of("Failed"), migrations.column("Status"));
            String refused = migrations.cell(0, "Last error");
            assertTrue(refused.contains("is not trusted") && refused.contains("--trust-sha256 " + d.certificateSha256()),
                    refused);
            assertFalse(refused.contains("PKIX") || refused.contains("sun.security"), "no Java exception text: " + refused);
            assertFalse(refused.contains("per-host"), refused);
            System.out.println("with TLS required: " + refused);
            assertEquals(0, TestMailboxes.count(d, "pf-d0"), "nothing was copied without TLS");

            // TLS still required, with Dovecot's certificate pinned: the retry goes through STARTTLS
            set(prefs, RunPreferences.TRUST_SHA256, d.certificateSha256());
            migrations.selectAll();
            migrations.run("Retry");
            UiTestSupport.waitUntil(() -> migrations.column("Status").equals(List.of("Synced")), Duration.ofSeconds(60),
                    () -> migrations.column("Status") + " " + migrations.cell(0, "Last error"));
            assertEquals(3, TestMailboxes.count(d, "pf-d0"));
            assertTrue(session.workspace().store().batch(tls).isPresent());

            // no pin, plaintext allowed: the same kind of row, refused above, now syncs
            set(prefs, RunPreferences.TRUST_SHA256, "", RunPreferences.TLS_POLICY, RunPreferences.TLS_ALLOW_PLAINTEXT);
            TestMailboxes.fill(d, "pf-s1", 2);
            importAndSelect(dir, row.replace("pf-s0", "pf-s1").replace("pf-d0", "pf-d1"));
            MigrationsViewPage plain = runAll();
            assertEquals(List.of("Synced"), plain.column("Status"), plain.cell(0, "Last error"));
            assertEquals(2, TestMailboxes.count(d, "pf-d1"));
        } finally {
            set(prefs, RunPreferences.PER_HOST, String.valueOf(org.mailmigrator.batch.workspace.BatchDefaults.PER_HOST), RunPreferences.CONCURRENCY,
                    String.valueOf(org.mailmigrator.batch.workspace.BatchDefaults.CONCURRENCY), RunPreferences.TLS_POLICY, RunPreferences.TLS_REQUIRE,
                    RunPreferences.TRUST_SHA256, "");
            session.setRunSettings(before);
        }
    }

    @Test
    void smtpSettingsAreSavedWhereTheCommandLineReadsThem() throws Exception {
        BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
        var page = openSmtpPage();
        fill(page.getControl(), "SMTP &host:", "smtp.example.org");
        fill(page.getControl(), "&Port:", "2525");
        fill(page.getControl(), "&Security:", "None");
        fill(page.getControl(), "&From address:", "migrations@example.org");
        assertTrue(page.performOk(), page.getErrorMessage());
        page.getShell().close();
        assertEquals(Optional.of(new SmtpSettings("smtp.example.org", 2525, "none", "migrations@example.org", Optional.empty())),
                SmtpSettings.load(session.workspace().folder()));
    }

    @Test
    void smtpPasswordIsMaskedAndSealedInTheVault() throws Exception {
        BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
        var page = openSmtpPage();
        var password = (org.eclipse.swt.widgets.Text) fieldAfter(page.getControl(), "Pass&word:");
        assertEquals('*', password.getEchoChar(), "the password is masked");
        fill(page.getControl(), "SMTP &host:", "ssl0.example.org");
        fill(page.getControl(), "&Port:", "465");
        fill(page.getControl(), "&Security:", "TLS");
        fill(page.getControl(), "&Login (optional):", "notify@example.org");
        assertFalse(page.performOk(), "a new login needs its password");
        assertEquals("type the password of the login notify@example.org (it is stored encrypted)", page.getErrorMessage());
        fill(page.getControl(), "Pass&word:", "Ui-Smtp-S3cret");
        assertTrue(page.performOk(), page.getErrorMessage());
        page.getShell().close();
        assertEquals("Ui-Smtp-S3cret", new String(SmtpPassword.load(session.workspace().folder(), session.workspace().vault(true)).orElseThrow().reveal()));
        assertFalse(Files.readString(SmtpSettings.file(session.workspace().folder())).contains("Ui-Smtp-S3cret"));
        assertFalse(Files.readString(SmtpPassword.file(session.workspace().folder())).contains("Ui-Smtp-S3cret"));

        // an empty password field keeps the stored one; an empty login forgets it
        page = openSmtpPage();
        assertEquals("", ((org.eclipse.swt.widgets.Text) fieldAfter(page.getControl(), "Pass&word:")).getText());
        fill(page.getControl(), "&Port:", "587");
        assertTrue(page.performOk(), page.getErrorMessage());
        page.getShell().close();
        assertEquals(587, SmtpSettings.load(session.workspace().folder()).orElseThrow().port());
        assertEquals("Ui-Smtp-S3cret", new String(SmtpPassword.load(session.workspace().folder(), session.workspace().vault(true)).orElseThrow().reveal()));
        page = openSmtpPage();
        fill(page.getControl(), "&Login (optional):", "");
        assertTrue(page.performOk(), page.getErrorMessage());
        page.getShell().close();
        assertEquals(Optional.empty(), SmtpPassword.load(session.workspace().folder(), session.workspace().vault(true)));
    }

    @Test
    void smtpOAuth2SignInIsStoredWhereTheCommandLineReadsIt() throws Exception {
        BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
        var page = openSmtpPage();
        fill(page.getControl(), "SMTP &host:", "smtp.gmail.example");
        fill(page.getControl(), "&Login (optional):", "notify@example.org");
        fill(page.getControl(), "Sign-&in:", "OAuth2 (XOAUTH2): key, refresh token JSON or access token below");
        fill(page.getControl(), "Pass&word:", "not one token");
        assertFalse(page.performOk(), "a secret that is no token, key or refresh token JSON is refused");
        assertTrue(page.getErrorMessage().contains("the OAuth2 secret typed is not an access token")
                && !page.getErrorMessage().contains("not one token"), page.getErrorMessage());
        fill(page.getControl(), "Pass&word:", "ya29.smtp-access-token");
        assertTrue(page.performOk(), page.getErrorMessage());
        page.getShell().close();
        var ws = session.workspace().folder();
        assertEquals(Optional.of("xoauth2"), SmtpSettings.auth(ws), "batch run signs in with XOAUTH2");
        assertEquals("ya29.smtp-access-token", new String(SmtpPassword.load(ws, session.workspace().vault(true)).orElseThrow().reveal()));
        assertFalse(Files.readString(SmtpSettings.file(ws)).contains("ya29"), "the token is sealed, not in the preferences");

        page = openSmtpPage();
        assertEquals("OAuth2 (XOAUTH2): key, refresh token JSON or access token below",
                ((org.eclipse.swt.widgets.Combo) fieldAfter(page.getControl(), "Sign-&in:")).getText(), "shown as stored");
        fill(page.getControl(), "Sign-&in:", "Password");
        fill(page.getControl(), "&Login (optional):", "");
        assertTrue(page.performOk(), page.getErrorMessage());
        page.getShell().close();
        assertEquals(Optional.empty(), SmtpSettings.auth(ws));
    }

    private static org.eclipse.jface.preference.PreferencePage openSmtpPage() {
        var dialog = org.eclipse.ui.dialogs.PreferencesUtil.createPreferenceDialogOn(
                PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "org.mailmigrator.ui.preferences.smtp", null, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        UiTestSupport.processEvents();
        return (org.eclipse.jface.preference.PreferencePage) dialog.getSelectedPage();
    }

    /** Types into the field a label names, as a person would (a combo: picks the item). */
    private static void fill(org.eclipse.swt.widgets.Control root, String label, String value) {
        switch (fieldAfter(root, label)) {
            case org.eclipse.swt.widgets.Text t -> t.setText(value);
            case org.eclipse.swt.widgets.Combo combo -> {
                combo.select(combo.indexOf(value));
                UiTestSupport.click(combo);
            }
            case null, default -> throw new AssertionError("no field labelled " + label);
        }
        UiTestSupport.processEvents();
    }

    private static org.eclipse.swt.widgets.Control fieldAfter(org.eclipse.swt.widgets.Control root, String label) {
        if (!(root instanceof org.eclipse.swt.widgets.Composite c)) {
            return null;
        }
        var children = c.getChildren();
        for (int i = 0; i < children.length; i++) {
            if (children[i] instanceof org.eclipse.swt.widgets.Label l && l.getText().equals(label) && i + 1 < children.length) {
                return children[i + 1];
            }
            var inside = fieldAfter(children[i], label);
            if (inside != null) {
                return inside;
            }
        }
        return null;
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
        return BatchesViewPage.open().importAndSelect(file);
    }

    private static MigrationsViewPage runAll() throws Exception {
        MigrationsViewPage migrations = MigrationsViewPage.open();
        migrations.selectAll();
        migrations.run("Start");
        // a row waiting for the certificate question is not done either (the armed dialog answers it)
        UiTestSupport.waitUntil(() -> migrations.column("Status").stream().noneMatch(s -> s.equals("Queued")
                || s.equals("Running") || s.equals("Pre-flight") || s.startsWith("Waiting for your answer")),
                Duration.ofSeconds(60), () -> migrations.column("Status").toString());
        return migrations;
    }
}
