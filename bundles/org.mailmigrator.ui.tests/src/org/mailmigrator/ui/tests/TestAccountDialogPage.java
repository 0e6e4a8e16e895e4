package org.mailmigrator.ui.tests;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.PlatformUI;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.forms.GeneratedPage;
import org.mailmigrator.ui.forms.SettingsForm;
import org.mailmigrator.ui.internal.views.TestAccountDialog;

/** Page object of the "Test an account" dialog: types into its generated fields and presses its buttons. */
final class TestAccountDialogPage implements AutoCloseable {
    private final TestAccountDialog dialog;

    private TestAccountDialogPage(TestAccountDialog dialog) {
        this.dialog = dialog;
    }

    static TestAccountDialogPage open(String connectorId) {
        BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
        ConnectorRegistry connectors = session.workspace().connectors();
        var connector = connectors.find(connectorId).orElseThrow();
        var dialog = new TestAccountDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), connectors,
                session.pages(), connector);
        dialog.setBlockOnOpen(false);
        dialog.open();
        UiTestSupport.processEvents();
        return new TestAccountDialogPage(dialog);
    }

    TestAccountDialogPage type(String settingId, String value) {
        form().field(settingId).setText(value);
        UiTestSupport.processEvents();
        return this;
    }

    boolean canTest() {
        return dialog.testButton().isEnabled();
    }

    String errorMessage() {
        return dialog.page().problems().stream().findFirst().orElse(null);
    }

    /** The generated form, for connectors without a page of their own. */
    SettingsForm form() {
        return ((GeneratedPage) dialog.page()).form();
    }

    TestAccountDialog dialog() {
        return dialog;
    }

    /** Presses "Test connection" and runs the event loop until the outcome is shown. */
    String test() {
        Event click = new Event();
        dialog.testButton().notifyListeners(SWT.Selection, click);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Display display = Display.getCurrent();
        while (dialog.resultText().startsWith("Connecting") && Instant.now().isBefore(deadline)) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
        return dialog.resultText();
    }

    @Override
    public void close() {
        dialog.close();
    }
}
