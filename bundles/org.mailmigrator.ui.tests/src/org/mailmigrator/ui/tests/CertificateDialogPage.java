package org.mailmigrator.ui.tests;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Page object of the certificate question. The dialog is modal: it runs its own event loop inside the
 * test's, so the answer is given by a timer that fires inside that loop, as a person's click would.
 */
final class CertificateDialogPage {

    private CertificateDialogPage() {
    }

    /**
     * Waits for {@code answer} while running the event loop; when the certificate question opens, records
     * its fields into {@code seen} and presses {@code button}. Fails after 20 s.
     */
    static boolean answer(CompletableFuture<Boolean> answer, String button, Map<String, String> seen) throws Exception {
        Display display = Display.getCurrent();
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            Shell dialog = find(display);
            if (dialog != null) {
                seen.putAll(fields(dialog));
                press(dialog, button);
            } else if (!answer.isDone()) {
                display.timerExec(50, poll[0]);
            }
        };
        display.timerExec(50, poll[0]);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!answer.isDone() && Instant.now().isBefore(deadline)) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
        display.timerExec(-1, poll[0]);
        return answer.get(1, TimeUnit.SECONDS);
    }

    private static Shell find(Display display) {
        for (Shell shell : display.getShells()) {
            if ("Untrusted certificate".equals(shell.getText()) && shell.isVisible()) {
                return shell;
            }
        }
        return null;
    }

    private static Map<String, String> fields(Shell dialog) {
        Map<String, String> fields = new LinkedHashMap<>();
        visit(dialog, c -> {
            if (c instanceof Text t && t.getData("field") instanceof String name) {
                fields.put(name, t.getText());
            }
        });
        return fields;
    }

    private static void press(Shell dialog, String label) {
        Button[] found = new Button[1];
        visit(dialog, c -> {
            if (c instanceof Button b && label.equals(b.getText())) {
                found[0] = b;
            }
        });
        if (found[0] == null) {
            dialog.close();
            throw new AssertionError("no button '" + label + "' in the certificate question");
        }
        found[0].notifyListeners(SWT.Selection, null);
    }

    private static void visit(Control control, Consumer<Control> action) {
        action.accept(control);
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                visit(child, action);
            }
        }
    }
}
