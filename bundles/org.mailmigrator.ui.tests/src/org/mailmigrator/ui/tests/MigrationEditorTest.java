package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailmigrator.batch.csv.ImportOptions;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * The migration editor opened from the Migrations view: edits persist in the batch store (read back from the
 * store, not from the widgets), the folder mapping preview is the engine's plan between two real Dovecots and
 * an edited destination becomes a folder mapping, "Test connection" shows a refused login in the header.
 */
class MigrationEditorTest {
    private final BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
    private final RunSettings before = session.runSettings();

    @AfterEach
    void closeEditors() {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        session.setRunSettings(before);
    }

    @Test
    void editorChangesPersistAfterReopening() throws Exception {
        String name = importBatch("imap.old.example;alice;Old-pw-1;imap.new.example;alice;Old-pw-2;;\n"
                + "imap.old.example;bob;Old-pw-3;imap.new.example;bob;Old-pw-4;;\n");
        MigrationsViewPage view = migrationsOf(name);
        EditorPage editor = EditorPage.open(view, 0);
        assertFalse(editor.dirty());
        assertEquals("imap.new.example", editor.destination().field("host").text());
        assertEquals(List.of(), editor.source().problems(), "an empty password field keeps the stored one: not missing");

        var o = editor.access();
        editor.type(o.include(), "^INBOX$\n^Work/").type(o.exclude(), "Junk").type(o.maxSize(), "25M")
                .type(o.since(), "2021-01-01").type(o.before(), "2024-06-30").type(o.notBefore(), "2030-01-02 03:04")
                .type(editor.destination(), "host", "imap.other.example").type(editor.destination(), "password", "N3w-secret");
        o.kind(ItemKind.CONTACTS).setSelection(true);
        UiTestSupport.click(o.kind(ItemKind.CONTACTS));
        assertTrue(editor.dirty(), "typing makes the editor dirty");

        editor.type(o.maxSize(), "lots");
        editor.save();
        assertTrue(editor.dirty(), "a wrong field is not saved");
        assertEquals("Not saved: Maximum message size: 'lots' is not a size like 25M, 512K or 1048576", editor.header());
        editor.type(o.maxSize(), "25M");
        editor.save();
        assertFalse(editor.dirty(), editor.header());
        editor.close();

        // what the store holds now, read back from the database
        Migration m = session.workspace().store().batch(name).orElseThrow().migrations().get(0);
        ZoneId zone = ZoneId.systemDefault();
        MigrationOptions opts = m.options();
        assertEquals(List.of("^INBOX$", "^Work/"), opts.includeFolders());
        assertEquals(List.of("Junk"), opts.excludeFolders());
        assertEquals(Set.of(ItemKind.MAIL, ItemKind.CONTACTS), opts.kinds());
        assertEquals(Optional.of(25L << 20), opts.limits().maxSize());
        assertEquals(Optional.of(LocalDate.parse("2021-01-01").atStartOfDay(zone).toInstant()), opts.limits().since());
        assertEquals(Optional.of(LocalDate.parse("2024-06-30").atStartOfDay(zone).toInstant()), opts.limits().before());
        assertEquals(Optional.of(LocalDateTime.parse("2030-01-02T03:04").atZone(zone).toInstant()), opts.notBefore());
        assertEquals("imap.other.example", m.destination().setting("host").orElseThrow());
        assertEquals("imap.old.example", m.source().setting("host").orElseThrow(), "the other account is unchanged");
        assertEquals(MigrationOptions.mailOnly(), session.workspace().store().batch(name).orElseThrow().migrations().get(1).options(),
                "the other row is unchanged");
        var creds = session.workspace().credentials(m);
        assertEquals(Secret.of("N3w-secret"), creds.destination(), "the typed password is stored, sealed");
        assertEquals(Secret.of("Old-pw-1"), creds.source(), "an empty password field keeps the stored one");
        try (Stream<Path> files = Files.walk(session.workspace().folder().batchesDir())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains("N3w-secret"),
                        "the password in clear in " + f);
            }
        }

        EditorPage again = EditorPage.openByDoubleClick(view, 0);
        assertEquals("^INBOX$\n^Work/", again.access().include().getText());
        assertEquals("25M", again.access().maxSize().getText());
        assertEquals("2030-01-02 03:04", again.access().notBefore().getText());
        assertEquals("imap.other.example", again.destination().field("host").text());
        assertTrue(again.access().kind(ItemKind.CONTACTS).getSelection());
        assertEquals("", again.destination().field("password").text(), "a stored password is never shown");
        assertFalse(again.dirty());
    }

    @Test
    void folderMappingPreviewIsTheEnginesPlanAndAnEditedDestinationIsSavedAsAMapping() throws Exception {
        try (Dovecot src = Dovecot.start(Dovecot.Layout.INBOX_PREFIX); Dovecot dst = Dovecot.start(Dovecot.Layout.SLASH)) {
            session.setRunSettings(before.withAllowPlaintext(true));  // Dovecot speaks plain IMAP on loopback here
            createFolders(src, "fm-src", "INBOX.Sent Items", "INBOX.Projects", "INBOX.Projects.2024");
            createFolders(dst, "fm-dst", "Sent");
            String name = importBatch(server(src) + ";fm-src;" + Dovecot.PASSWORD + ";" + server(dst) + ";fm-dst;"
                    + Dovecot.PASSWORD + ";;\n");
            EditorPage editor = EditorPage.open(migrationsOf(name), 0);

            assertEquals("4 folder(s), 3 renamed", editor.preview());
            assertEquals(List.of("Source", "Destination", "Reason"), editor.previewColumns());
            List<List<String>> rows = editor.previewRows();
            assertTrue(rows.contains(List.of("INBOX.Sent Items", "Sent", "usual name of \\Sent -> existing Sent")), rows.toString());
            assertTrue(rows.contains(List.of("INBOX.Projects.2024", "Projects/2024",
                    "source prefix 'INBOX.' removed; separator '.' -> '/'")), rows.toString());
            assertTrue(rows.contains(List.of("INBOX", "INBOX", "INBOX")), rows.toString());

            editor.editDestination("INBOX.Projects", "Archive/Projects");
            assertTrue(editor.previewRows().contains(List.of("INBOX.Projects", "Archive/Projects",
                    "edited here: saved as a folder mapping")), editor.previewRows().toString());
            assertTrue(editor.dirty());
            editor.save();
            assertFalse(editor.dirty(), editor.header());
            assertEquals(Map.of("INBOX.Projects", "Archive/Projects"),
                    session.workspace().store().batch(name).orElseThrow().migrations().get(0).options().folderMap());

            editor.preview();
            assertTrue(editor.previewRows().contains(List.of("INBOX.Projects", "Archive/Projects",
                    "--map INBOX.Projects=Archive/Projects")), editor.previewRows().toString());
        }
    }

    @Test
    void testConnectionShowsARefusedLoginInTheHeaderAndATypedPasswordFixesIt() throws Exception {
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH)) {
            session.setRunSettings(before.withAllowPlaintext(true));
            String name = importBatch(server(d) + ";tc-src;Wrong-pw;" + server(d) + ";tc-dst;" + Dovecot.PASSWORD + ";;\n");
            EditorPage editor = EditorPage.open(migrationsOf(name), 0);
            String outcome = editor.testConnection();
            assertTrue(outcome.startsWith("To fix: source: login refused"), outcome);
            assertTrue(editor.headerIsError());
            assertFalse(outcome.contains("Wrong-pw"), "no password in the message: " + outcome);

            editor.type(editor.source(), "password", Dovecot.PASSWORD);
            outcome = editor.testConnection();
            assertTrue(outcome.startsWith("Ready: destination: logged in"), outcome);
            assertTrue(editor.dirty(), "the typed password waits to be saved");
        }
    }

    @Test
    void detectSettingsFillsTheServerOfTheLoginsAddress() throws Exception {
        String name = importBatch("imap.old.example;carol;pw1;imap.new.example;carol;pw2;;\n");
        EditorPage editor = EditorPage.open(migrationsOf(name), 0);
        editor.type(editor.destination(), "login", "carol@gmail.com");
        String outcome = editor.detectDestination();
        assertTrue(outcome.startsWith("Detected imap.gmail.com:993 tls for carol@gmail.com (provider preset"), outcome);
        assertEquals("imap.gmail.com", editor.destination().field("host").text());
        assertEquals("993", editor.destination().field("port").text());
        assertEquals("tls", editor.destination().field("security").text());
    }

    private String importBatch(String rows) throws Exception {
        String name = "editor-" + System.nanoTime();
        var imported = session.workspace().importer().read(rows.getBytes(StandardCharsets.UTF_8), ImportOptions.auto());
        assertTrue(imported.problems().isEmpty(), imported.problems().toString());
        session.workspace().importBatch(name, imported, false,
                session.defaults(), java.util.Optional.empty(), java.util.Optional.empty());
        return name;
    }

    private static MigrationsViewPage migrationsOf(String batch) throws Exception {
        BatchesViewPage.open().select(batch);
        MigrationsViewPage view = MigrationsViewPage.open();
        UiTestSupport.waitUntil(() -> view.rowCount() > 0, java.time.Duration.ofSeconds(5), () -> "no rows");
        return view;
    }

    private static String server(Dovecot d) {
        return Dovecot.HOST + ":" + d.imapPort();
    }

    private static void createFolders(Dovecot d, String user, String... folders) throws Exception {
        Account a = new Account("imap", Map.of("host", Dovecot.HOST, "port", String.valueOf(d.imapPort()), "security",
                "plain", "login", user), new CredentialRef(user));
        try (ConnectorSession s = new ImapConnector().open(a, Role.DESTINATION, ConnectContext.of(Secret.of(Dovecot.PASSWORD)))) {
            MailStore store = s.capability(MailStore.class).orElseThrow();
            for (String f : folders) {
                store.create(f, true);
                store.subscribe(f);
            }
        }
    }
}
