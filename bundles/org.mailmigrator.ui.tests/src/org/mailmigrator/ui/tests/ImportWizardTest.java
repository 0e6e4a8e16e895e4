package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.ui.batches.BatchSession;

/** Import CSV wizard in the real workbench: preview, detected format, marked cells, skip bad rows, stored batch. */
class ImportWizardTest {
    private static final String VALID = """
            # host1;user1;password1;host2;user2;password2;options;
            imap.old.example;alice;Secret-A1;imap.new.example;alice;Secret-A2;;
            imap.old.example;bob;"Secret;B1";imap.new.example;bob;Secret-B2;--ssl1 --ssl2;
            imap.old.example;carol;Secret-C1;imap.new.example;carol;Secret-C2;;
            """;

    private static final String INVALID = """
            imap.old.example;alice;pw1;imap.new.example;alice;pw2;;
            imap.old.example:99999;bob;pw1;imap.new.example;bob;pw2;;
            imap.old.example;carol;pw1;imap.new.example;carol;pw2;--frobnicate;
            """;

    @Test
    void aValidImapsyncFileIsDetectedPreviewedWithoutPasswordsAndImported(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("valid-" + System.nanoTime() + ".txt");
        Files.writeString(file, VALID);
        BatchesViewPage batches = BatchesViewPage.open();
        ImportWizardPage wizard = batches.openImport().chooseFile(file);
        assertTrue(wizard.detected().startsWith("Found: imapsync"), wizard.detected());
        assertEquals(List.of("Line", "host1", "user1", "password1", "host2", "user2", "password2", "options", "Problems"),
                wizard.previewColumns());
        List<List<String>> rows = wizard.previewRows();
        assertEquals(3, rows.size(), rows.toString());
        assertEquals(List.of("2", "imap.old.example", "alice", "••••••", "imap.new.example", "alice", "••••••", "", ""), rows.get(0));
        assertEquals("--ssl1 --ssl2", rows.get(1).get(7));
        assertFalse(rows.toString().contains("Secret"), "no password on screen: " + rows);
        assertTrue(wizard.summary().startsWith("3 valid pair(s); 0 problem(s)"), wizard.summary());
        String name = file.getFileName().toString().replace(".txt", "");
        assertEquals(name, wizard.batchName());
        assertTrue(wizard.finishEnabled(), String.valueOf(wizard.errorMessage()));
        assertTrue(wizard.finish(), "the wizard closed after storing");

        assertEquals(List.of(name, "3", "3", "0", "0", "0"), batches.row(name));
        BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
        assertEquals(3, session.workspace().store().batch(name).orElseThrow().migrations().size());

        // no batch selected: a freshly opened Migrations view lists the migrations of every batch
        batches.selectNone();
        MigrationsViewPage migrations = MigrationsViewPage.reopen();
        assertEquals(3, migrations.column("Batch").stream().filter(name::equals).count());
        assertEquals(session.workspace().store().names().stream().mapToInt(n -> {
            try {
                return session.workspace().store().states(n).size();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).sum(), migrations.rowCount());
    }

    @Test
    void invalidCellsAreMarkedWithTheirReasonAndOnlySkippingBadRowsImports(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("invalid-" + System.nanoTime() + ".csv");
        Files.writeString(file, INVALID);
        BatchesViewPage batches = BatchesViewPage.open();
        ImportWizardPage wizard = batches.openImport().chooseFile(file);
        assertTrue(wizard.detected().startsWith("Found: imapsync"), wizard.detected());
        assertFalse(wizard.marked(1, "host1"));
        assertTrue(wizard.marked(2, "host1"), "the bad port is marked");
        assertTrue(wizard.problemsOf(2).contains("column 1 (host1)") && wizard.problemsOf(2).contains("99999"), wizard.problemsOf(2));
        assertTrue(wizard.marked(3, "options"), "the unknown option is marked");
        assertTrue(wizard.problemsOf(3).contains("--frobnicate"), wizard.problemsOf(3));
        assertEquals("", wizard.problemsOf(1));
        assertFalse(wizard.finishEnabled(), "a file with problems is not imported as it is");
        assertTrue(wizard.errorMessage().contains("2 problem(s)"), wizard.errorMessage());

        // another format reads the same file differently: the preview follows the choice
        wizard.chooseFormat("exchange");
        assertTrue(wizard.detected().startsWith("Found: exchange"), wizard.detected());
        assertEquals("EmailAddress", wizard.previewColumns().get(1));
        wizard.chooseFormat("Detect");

        wizard.skipBadRows(true);
        assertTrue(wizard.finishEnabled(), String.valueOf(wizard.errorMessage()));
        String name = wizard.batchName();
        assertTrue(wizard.finish());
        assertEquals(List.of(name, "1", "1", "0", "0", "0"), batches.row(name));
    }

    @Test
    void anExchangeCsvNeedsTheBatchWideServersAndPassword(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("exchange-" + System.nanoTime() + ".csv");
        Files.writeString(file, "EmailAddress,UserName,Password\nalice@contoso.com,alice,\"Pa,ss-A\"\nbob@contoso.com,bob,Pass-B\n");
        BatchesViewPage batches = BatchesViewPage.open();
        ImportWizardPage wizard = batches.openImport().chooseFile(file);
        assertTrue(wizard.detected().startsWith("Found: exchange"), wizard.detected());
        assertTrue(wizard.exchangeFieldsEnabled());
        assertTrue(wizard.problemsOf(1).contains("source server"), wizard.problemsOf(1));
        assertFalse(wizard.finishEnabled());
        assertEquals(List.of("3", "bob@contoso.com", "bob", "••••••", "", ""), wizard.previewRows().get(2));

        wizard.exchange("imap.old.example", "imaps://outlook.office365.com", "Admin-Secret");
        assertEquals("", wizard.problemsOf(1));
        assertTrue(wizard.summary().startsWith("2 valid pair(s); 0 problem(s)"), wizard.summary());
        String name = wizard.batchName();
        assertTrue(wizard.finish());
        var spec = PlatformUI.getWorkbench().getService(BatchSession.class).workspace().store().batch(name).orElseThrow();
        assertEquals("outlook.office365.com", spec.migrations().get(0).destination().setting("host").orElseThrow());
        assertEquals("alice@contoso.com", spec.migrations().get(0).destination().setting("login").orElseThrow());
    }

    @Test
    void aNameInUseIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("twice-" + System.nanoTime() + ".txt");
        Files.writeString(file, VALID);
        BatchesViewPage batches = BatchesViewPage.open();
        assertTrue(batches.openImport().chooseFile(file).finish());
        ImportWizardPage again = batches.openImport().chooseFile(file);
        String proposed = again.batchName();
        assertTrue(proposed.endsWith("-2"), "a free name is proposed: " + proposed);
        again.cancel();
    }
}
