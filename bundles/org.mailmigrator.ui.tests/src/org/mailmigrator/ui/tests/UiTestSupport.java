package org.mailmigrator.ui.tests;

import org.eclipse.swt.widgets.Display;

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
}
