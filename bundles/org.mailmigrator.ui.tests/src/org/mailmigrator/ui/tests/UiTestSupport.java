package org.mailmigrator.ui.tests;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;

/** Runs the SWT event loop so that pending layouts and asynchronous updates reach the widgets. */
final class UiTestSupport {

    private UiTestSupport() {
    }

    static void processEvents() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // drain
        }
    }

    /** Runs the event loop until {@code condition} holds; fails with {@code state} after {@code timeout}. */
    static void waitUntil(BooleanSupplier condition, Duration timeout, Supplier<String> state) {
        Display display = Display.getCurrent();
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not reached within " + timeout + ": " + state.get());
            }
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
        }
    }

    /** What a click does: the widget's selection listeners run. */
    static void click(org.eclipse.swt.widgets.Widget control) {
        control.notifyListeners(org.eclipse.swt.SWT.Selection, new Event());
        processEvents();
    }
}
