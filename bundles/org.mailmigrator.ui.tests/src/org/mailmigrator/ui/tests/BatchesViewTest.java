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

/** Selecting batches fills the Migrations view; purging removes a batch everywhere (the GDPR delete). */
class BatchesViewTest {

    @Test
    void selectionFillsTheMigrationsViewAndPurgeDeletesTheBatch(@TempDir Path dir) throws Exception {
        BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
        BatchesViewPage batches = BatchesViewPage.open();
        String[] names = new String[2];
        for (int b = 0; b < 2; b++) {
            Path file = dir.resolve("sel" + b + "-" + System.nanoTime() + ".txt");
            StringBuilder csv = new StringBuilder();
            for (int i = 0; i <= b; i++) {
                csv.append("old.example;b").append(b).append("u").append(i).append(";pw;new.example;x").append(i).append(";pw;;\n");
            }
            Files.writeString(file, csv);
            ImportWizardPage wizard = batches.openImport().chooseFile(file);
            names[b] = wizard.batchName();
            assertTrue(wizard.finish());
        }
        batches.select(names[1]);
        MigrationsViewPage migrations = MigrationsViewPage.open();
        assertEquals(List.of(names[1], names[1]), migrations.column("Batch"));
        batches.select(names[0]);
        assertEquals(List.of("b0u0@old.example"), migrations.column("Source"));

        batches.purge(names[0]);
        assertEquals(List.of(), batches.row(names[0]), "the purged batch is no longer listed");
        assertFalse(session.workspace().store().batch(names[0]).isPresent(), "nor stored");
        // the purged batch was the selection: the Migrations view falls back to every batch, without it
        assertFalse(migrations.column("Batch").contains(names[0]), "its migrations are gone: " + migrations.column("Batch"));
        assertTrue(migrations.column("Batch").contains(names[1]));
        assertEquals(List.of(names[1], "2", "2", "0", "0", "0"), batches.row(names[1]));
    }
}
