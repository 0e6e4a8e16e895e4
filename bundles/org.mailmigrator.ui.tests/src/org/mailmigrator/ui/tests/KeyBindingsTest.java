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
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * The keys of the common actions, while the Migrations view is active: each resolves to its command, and the
 * start key's command really starts the selected rows (to a closed port: they fail with a connection error),
 * and Delete removes them after its confirmation.
 */
class KeyBindingsTest {

    @Test
    void keysResolveToTheirCommandsAndStartRunsTheSelection(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys-" + System.nanoTime() + ".txt");
        // port 1 on loopback: nothing listens, so a started row fails at once
        Files.writeString(file, "127.0.0.1:1;key-s0;pw1;127.0.0.1:1;key-d0;pw2;;\n");
        String name = BatchesViewPage.open().importAndSelect(file);
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

        // Delete asks first; answered OK, the row goes with its passwords
        var removed = session().workspace().store().batch(name).orElseThrow().migrations().get(0);
        Display display = Display.getCurrent();
        Runnable[] confirm = new Runnable[1];
        confirm[0] = () -> {
            for (Shell s : display.getShells()) {
                if ("Remove migrations".equals(s.getText()) && s.isVisible()) {
                    UiTestSupport.click(WizardButtons.find(s, "OK"));
                    return;
                }
            }
            display.timerExec(50, confirm[0]);
        };
        display.timerExec(50, confirm[0]);
        Binding delete = keys.getPerfectMatch(KeySequence.getInstance("DEL"));
        window.getService(IHandlerService.class).executeCommand(delete.getParameterizedCommand(), null);
        display.timerExec(-1, confirm[0]);
        UiTestSupport.waitUntil(() -> migrations.rowCount() == 0, Duration.ofSeconds(30), () -> migrations.column("Source").toString());
        assertEquals(List.of(), session().workspace().store().batch(name).orElseThrow().migrations());
        assertEquals(java.util.Optional.empty(), session().workspace().store().sealedCredential(removed.source().credential().key()));
    }

    private static BatchSession session() {
        return PlatformUI.getWorkbench().getService(BatchSession.class);
    }
}
