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

/**
 * A CSV format contributed by another bundle (the test bundle's "Acme Mail Mover export") in the real Import CSV
 * wizard: listed among the formats, detected, previewed with its declared columns and masked passwords, chosen by
 * hand, and imported.
 */
class ContributedFormatWizardTest {
    private static final String ACME = """
            src_user;src_password;dst_user;dst_password;hosts
            alice;Acme-Secret-1;alice@new.example;Acme-Secret-2;imap.old.example>imaps://imap.new.example:993
            bob;Acme-Secret-3;bob@new.example;Acme-Secret-4;imap.old.example:143>imap.new.example
            """;

    @Test
    void anAcmeFileIsListedDetectedPreviewedAndImported(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("acme-" + System.nanoTime() + ".acme");
        Files.writeString(file, ACME);
        BatchesViewPage batches = BatchesViewPage.open();
        ImportWizardPage wizard = batches.openImport();
        List<String> formats = wizard.formats();
        assertEquals(List.of("Detect automatically", "OVH Mail Migrator template (omm)", "imapsync file.txt (imapsync)",
                "Exchange Online CSV (exchange)", "Native (native)", "Acme Mail Mover export (acme)"),
                formats.subList(0, 6), formats.toString());
        assertFalse(formats.toString().contains("broken-pattern"), "a broken declaration is not listed: " + formats);

        wizard.chooseFile(file);
        assertTrue(wizard.detected().startsWith("Found: acme"), wizard.detected());
        assertEquals(List.of("Line", "src_user", "src_password", "dst_user", "dst_password", "hosts", "Problems"),
                wizard.previewColumns());
        List<List<String>> rows = wizard.previewRows();
        assertEquals(List.of("2", "alice", "••••••", "alice@new.example", "••••••",
                "imap.old.example>imaps://imap.new.example:993", ""), rows.get(1));
        assertFalse(rows.toString().contains("Acme-Secret"), "no password on screen: " + rows);
        assertTrue(wizard.summary().startsWith("2 valid pair(s); 0 problem(s)"), wizard.summary());

        // chosen by hand rather than detected: the same reading
        wizard.chooseFormat("(acme)");
        assertTrue(wizard.detected().startsWith("Found: acme"), wizard.detected());
        assertTrue(wizard.summary().startsWith("2 valid pair(s); 0 problem(s)"), wizard.summary());
        // an imapsync reading of the same file is refused line by line: the choice matters
        wizard.chooseFormat("(imapsync)");
        assertTrue(wizard.detected().startsWith("Found: imapsync"), wizard.detected());
        assertFalse(wizard.finishEnabled());
        wizard.chooseFormat("(acme)");

        String name = wizard.batchName();
        assertTrue(wizard.finish(), "the wizard closed after storing");
        var spec = PlatformUI.getWorkbench().getService(BatchSession.class).workspace().store().batch(name).orElseThrow();
        assertEquals(2, spec.migrations().size());
        assertEquals("imap.new.example", spec.migrations().get(0).destination().setting("host").orElseThrow());
        assertEquals("bob@new.example", spec.migrations().get(1).destination().setting("login").orElseThrow());
    }
}
