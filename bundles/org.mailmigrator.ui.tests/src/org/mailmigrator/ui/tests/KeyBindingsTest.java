package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.jface.bindings.Binding;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keys of the common actions, while the Migrations view is active: each resolves to its command, and the
 * start key's command really starts the selected rows (to a closed port: they fail with a connection error).
 */
class KeyBindingsTest {

    @Test
    void keysResolveToTheirCommandsAndStartRunsTheSelection(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys-" + System.nanoTime() + ".txt");
        // port 1 on loopback: nothing listens, so a started row fails at once
        Files.writeString(file, "127.0.0.1:1;key-s0;pw1;127.0.0.1:1;key-d0;pw2;;\n");
        BatchesViewPage batches = BatchesViewPage.open();
        ImportWizardPage wizard = batches.openImport().chooseFile(file);
        String name = wizard.batchName();
        assertTrue(wizard.finish());
        batches.select(name);
        MigrationsViewPage migrations = MigrationsViewPage.open();
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IBindingService keys = window.getService(IBindingService.class);
        List<String[]> expected = List.of(new String[] { "M1+M2+S", "start" }, new String[] { "M1+M2+P", "pause" },
                new String[] { "M1+M2+R", "resume" }, new String[] { "M1+M2+X", "stop" }, new String[] { "M1+M2+Y", "retry" },
                new String[] { "M1+M2+D", "delta" }, new String[] { "M1+M2+F", "preflight" }, new String[] { "DEL", "remove" },
                new String[] { "M1+N", "newMigration" }, new String[] { "M1+M2+I", "importCsv" });
        for (String[] e : expected) {
            Binding b = keys.getPerfectMatch(KeySequence.getInstance(e[0]));
            assertNotNull(b, e[0] + " is bound while the Migrations view is active");
            assertEquals("org.mailmigrator.ui.commands." + e[1], b.getParameterizedCommand().getId(), e[0]);
        }

        migrations.selectAll();
        Binding start = keys.getPerfectMatch(KeySequence.getInstance("M1+M2+S"));
        window.getService(IHandlerService.class).executeCommand(start.getParameterizedCommand(), null);
        UiTestSupport.waitUntil(() -> migrations.column("Status").equals(List.of("Failed")), Duration.ofSeconds(60),
                () -> migrations.column("Status").toString());
        assertTrue(!migrations.cell(0, "Last error").isBlank());
    }
}
