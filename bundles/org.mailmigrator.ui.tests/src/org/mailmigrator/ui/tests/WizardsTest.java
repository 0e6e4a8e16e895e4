package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.ui.batches.BatchSession;

/** New batch and New migration: what the wizards store, and what the Batches and Migrations views then show. */
class WizardsTest {

    @Test
    void newBatchIsStoredWithItsFieldsAndListedInTheBatchesView() throws Exception {
        BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
        String name = "wizard-" + System.nanoTime();
        NewBatchWizardPage wizard = NewBatchWizardPage.open(session);
        assertEquals(session.defaults().concurrency(), wizard.concurrency(), "limits start at the preferences'");
        assertEquals(session.defaults().perHost(), wizard.perHost());
        wizard.name("no spaces allowed");
        assertTrue(wizard.errorMessage().contains("'no spaces allowed'"), wizard.errorMessage());
        wizard.name(name).notify("not an address");
        assertTrue(wizard.errorMessage().contains("'not an address'"), wizard.errorMessage());
        wizard.notify("ops@example.org").startAt("tomorrow");
        assertTrue(wizard.errorMessage().contains("'tomorrow'"), wizard.errorMessage());
        wizard.startAt("2031-05-04T22:30").limits(3, 7);
        assertTrue(wizard.finish(), wizard.errorMessage());

        BatchSpec stored = session.workspace().store().batch(name).orElseThrow();
        assertEquals(List.of(), stored.migrations());
        assertEquals(3, stored.concurrency());
        assertEquals(7, stored.perHostLimit());
        assertEquals(Optional.of("ops@example.org"), stored.notificationAddress());
        assertEquals(Optional.of(LocalDateTime.parse("2031-05-04T22:30").atZone(ZoneId.systemDefault()).toInstant()),
                stored.schedule());
        BatchesViewPage batches = BatchesViewPage.open();
        UiTestSupport.waitUntil(() -> !batches.row(name).isEmpty(), java.time.Duration.ofSeconds(5), () -> "not listed");
        assertEquals(List.of(name, "0", "0", "0", "0", "0"), batches.row(name));

        NewBatchWizardPage again = NewBatchWizardPage.open(session).name(name);
        assertTrue(again.errorMessage().contains("exists"), again.errorMessage());
        again.cancel();
    }

    @Test
    void newMigrationAddsAQueuedRowWithItsPasswordSealed() throws Exception {
        BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
        String name = "pairs-" + System.nanoTime();
        assertTrue(NewBatchWizardPage.open(session).name(name).finish());
        BatchesViewPage batches = BatchesViewPage.open();
        UiTestSupport.waitUntil(() -> !batches.row(name).isEmpty(), java.time.Duration.ofSeconds(5), () -> "not listed");
        batches.select(name);
        MigrationsViewPage migrations = MigrationsViewPage.open();
        assertEquals(0, migrations.rowCount());

        NewMigrationWizardPage wizard = NewMigrationWizardPage.open(session, name);
        assertEquals(name, wizard.batch());
        assertEquals("IMAP", wizard.sourceConnector());
        wizard.kind(ItemKind.CALENDAR, true);
        assertFalse(wizard.canGoOn());
        assertTrue(wizard.errorMessage().contains("native CSV"), wizard.errorMessage());
        wizard.kind(ItemKind.CALENDAR, false).next();
        assertFalse(wizard.canGoOn(), "an empty account page is not complete");
        wizard.type("host", "imap.old.example").type("security", "starttls").type("login", "alice@old.example")
                .type("password", "S0urce-Secret").next();
        wizard.type("host", "imap.new.example").type("login", "alice@new.example").type("password", "Dest-Secret");
        assertTrue(wizard.finish(), wizard.errorMessage());

        UiTestSupport.waitUntil(() -> migrations.rowCount() == 1, java.time.Duration.ofSeconds(5), () -> "no row");
        assertEquals("Queued", migrations.cell(0, "Status"));
        assertEquals("alice@old.example@imap.old.example", migrations.cell(0, "Source"));
        assertEquals("alice@new.example@imap.new.example", migrations.cell(0, "Destination"));
        assertEquals("mail", migrations.cell(0, "Items"));
        var m = session.workspace().store().batch(name).orElseThrow().migrations().get(0);
        assertEquals("starttls", m.source().setting("security").orElseThrow());
        assertEquals(Optional.empty(), m.source().setting("password"), "no password among the settings");
        var creds = session.workspace().credentials(m);
        assertEquals(Secret.of("S0urce-Secret"), creds.source());
        assertEquals(Secret.of("Dest-Secret"), creds.destination());
        UiTestSupport.waitUntil(() -> batches.row(name).get(1).equals("1"), java.time.Duration.ofSeconds(5),
                () -> batches.row(name).toString());
    }

    /**
     * An Outlook file as the source of a new migration: New migration offers the PST connector, its path field has the
     * File... and Folder... pickers, no password is asked for a file, and the stored row reads that file into IMAP.
     */
    @Test
    void newMigrationFromAPstFileTakesAPathAndNoPassword() throws Exception {
        BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
        String name = "pst-" + System.nanoTime();
        assertTrue(NewBatchWizardPage.open(session).name(name).finish());
        java.nio.file.Path pst = java.nio.file.Files.createTempFile("alice", ".pst");
        NewMigrationWizardPage wizard = NewMigrationWizardPage.open(session, name)
                .sourceConnector("Outlook data file (PST/OST)").next();
        assertEquals(List.of("&File...", "F&older..."), wizard.pickers("path"));
        assertFalse(wizard.canGoOn(), "no file chosen yet");
        wizard.type("path", pst.toString());
        assertTrue(wizard.canGoOn(), "a file has no password: " + wizard.errorMessage());
        wizard.next().type("host", "imap.new.example").type("login", "alice@new.example").type("password", "Dest-Secret");
        assertTrue(wizard.finish(), wizard.errorMessage());
        var m = session.workspace().store().batch(name).orElseThrow().migrations().get(0);
        assertEquals("pst", m.source().connectorId());
        assertEquals(Optional.of(pst.toString()), m.source().setting("path"));
        assertEquals(Secret.of("Dest-Secret"), session.workspace().credentials(m).destination());
    }

    /**
     * New batch with a folder of mail files: one migration per Outlook data file and per mbox file in it (recognised
     * by their first bytes, other files left out), each into the destination login made from the file's name.
     */
    @Test
    void newBatchMakesOneRowPerPstOrMboxFileOfAFolder() throws Exception {
        BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("pst-folder");
        java.nio.file.Files.write(dir.resolve("bob.pst"), new byte[] {'!', 'B', 'D', 'N', 0, 0, 0, 0});
        java.nio.file.Files.writeString(dir.resolve("alice.mbox"), "From a@b Sat Jan  3 01:05:34 1996\nSubject: x\n\nbody\n");
        java.nio.file.Files.writeString(dir.resolve("notes.txt"), "not mail\n");
        String name = "files-" + System.nanoTime();
        NewBatchWizardPage wizard = NewBatchWizardPage.open(session).name(name)
                .rowsFromFiles(dir.toString(), "imaps://imap.new.example", "alice", "Master-Secret");
        assertTrue(wizard.errorMessage().contains("{name}"), wizard.errorMessage());
        wizard.rowsFromFiles(dir.toString(), "imaps://imap.new.example", "{name}@new.example", "Master-Secret");
        assertTrue(wizard.finish(), wizard.errorMessage());
        var migrations = session.workspace().store().batch(name).orElseThrow().migrations();
        assertEquals(2, migrations.size(), migrations.toString());
        var byLogin = new java.util.TreeMap<String, org.mailmigrator.core.model.Migration>();
        migrations.forEach(m -> byLogin.put(m.destination().setting("login").orElseThrow(), m));
        assertEquals(List.of("alice@new.example", "bob@new.example"), List.copyOf(byLogin.keySet()));
        assertEquals("files", byLogin.get("alice@new.example").source().connectorId());
        assertEquals(Optional.of(dir.resolve("alice.mbox").toString()), byLogin.get("alice@new.example").source().setting("path"));
        assertEquals("pst", byLogin.get("bob@new.example").source().connectorId());
        assertEquals(Optional.of("imap.new.example"), byLogin.get("bob@new.example").destination().setting("host"));
        assertEquals(Secret.of("Master-Secret"), session.workspace().credentials(byLogin.get("bob@new.example")).destination());
    }
}
