package org.mailmigrator.ui.internal.details;

import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.mailmigrator.batch.report.ErrorCauses;

/**
 * The selected migration's last error in full: wrapped (never cut off), selectable, with a Copy button, and the
 * fix for its cause on the line below. Hidden while the migration has no error.
 */
final class ErrorPane {
    static final String COPY = "Copy";

    private final Composite pane;
    private final Text error;
    private final Label hint;
    private String current = "";

    ErrorPane(Composite parent) {
        pane = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(pane);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(pane);
        error = new Text(pane, SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL);
        error.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(error);
        Button copy = new Button(pane, SWT.PUSH);
        copy.setText(COPY);
        copy.setToolTipText("Copy the whole error to the clipboard");
        copy.addListener(SWT.Selection, e -> copy());
        GridDataFactory.swtDefaults().align(SWT.END, SWT.BEGINNING).applyTo(copy);
        hint = new Label(pane, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(200, SWT.DEFAULT).applyTo(hint);
        show("");
    }

    void show(String text) {
        if (text.equals(current) && pane.getVisible() == !text.isEmpty()) {
            return;
        }
        current = text;
        boolean visible = !text.isEmpty();
        error.setText(text);
        var causes = ErrorCauses.group(Map.of("row", text));
        hint.setText(causes.isEmpty() ? "" : "Fix: " + causes.get(0).hint());
        pane.setVisible(visible);
        ((org.eclipse.swt.layout.GridData) pane.getLayoutData()).exclude = !visible;
        // at most five lines high: a longer error scrolls inside the pane instead of pushing the tabs away
        int lines = Math.min(5, Math.max(1, error.getLineCount()));
        ((org.eclipse.swt.layout.GridData) error.getLayoutData()).heightHint = lines * error.getLineHeight();
        pane.getParent().layout(true, true);
    }

    private void copy() {
        Clipboard cb = new Clipboard(error.getDisplay());
        try {
            cb.setContents(new Object[] { current }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            cb.dispose();
        }
    }

    Text errorText() {
        return error;
    }

    String hintText() {
        return hint.getText();
    }

    boolean visible() {
        return pane.getVisible();
    }
}
