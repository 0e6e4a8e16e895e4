package org.mailmigrator.ui.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * Page object of a modal question: a timer fires inside the dialog's own event loop, reads its text and presses
 * a button, as a person's click would. Arm it, then call the code that opens the dialog.
 */
final class DialogPage {
    private final String title;
    private final String button;
    private final List<String> texts = new ArrayList<>();
    private final java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
    private boolean seen;
    private int times;
    private boolean keepWatching;
    private boolean stopped;
    private Runnable whileOpen;
    private Throwable whileOpenFailure;

    private DialogPage(String title, String button) {
        this.title = title;
        this.button = button;
    }

    /** Watches for a dialog titled {@code title} and presses {@code button} in it. */
    static DialogPage arm(String title, String button) {
        DialogPage page = new DialogPage(title, button);
        Display display = Display.getCurrent();
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            if (page.stopped) {
                return;
            }
            for (Shell shell : display.getShells()) {
                if (title.equals(shell.getText()) && shell.isVisible() && !shell.isDisposed()) {
                    page.seen = true;
                    page.times++;
                    visit(shell, c -> {
                        if (c instanceof Label l) {
                            page.texts.add(l.getText());
                        } else if (c instanceof org.eclipse.swt.widgets.Text t && t.getData("field") instanceof String name) {
                            page.fields.put(name, t.getText());
                        }
                    });
                    if (page.whileOpen != null) {
                        Runnable once = page.whileOpen;
                        page.whileOpen = null;
                        try {
                            once.run();  // the dialog is still open: what the person sees behind it
                        } catch (RuntimeException | AssertionError e) {
                            page.whileOpenFailure = e;  // answered all the same: the test fails, it does not hang
                        }
                    }
                    page.press(shell);
                    if (page.keepWatching) {
                        display.timerExec(50, poll[0]);
                    }
                    return;
                }
            }
            display.timerExec(50, poll[0]);
        };
        display.timerExec(50, poll[0]);
        return page;
    }

    /** Like {@link #arm}, but answers every such dialog until the test ends (to count how often it is asked). */
    static DialogPage watch(String title, String button) {
        DialogPage page = arm(title, button);
        page.keepWatching = true;
        return page;
    }

    /** Runs {@code check} (once) while the dialog is open, before its button is pressed. */
    void whileOpen(Runnable check) {
        whileOpen = check;
    }

    /** What {@link #whileOpen}'s check threw (null when it held). */
    Throwable whileOpenFailure() {
        return whileOpenFailure;
    }

    /** Stops watching (a later test's dialog is not this page's to answer). */
    void stop() {
        stopped = true;
    }

    /** How many times the dialog was shown. */
    int times() {
        return times;
    }

    /** The read-only fields of the dialog (name to text), as shown the last time. */
    java.util.Map<String, String> fields() {
        return fields;
    }

    boolean seen() {
        return seen;
    }

    /** The dialog's label texts (its message), as shown. */
    String text() {
        return String.join("\n", texts);
    }

    private void press(Shell dialog) {
        Button[] found = new Button[1];
        visit(dialog, c -> {
            if (c instanceof Button b && button.equals(b.getText())) {
                found[0] = b;
            }
        });
        if (found[0] == null) {
            dialog.close();
            throw new AssertionError("no button '" + button + "' in '" + title + "'");
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
