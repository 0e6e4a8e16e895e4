package org.mailmigrator.ui.internal.editor;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.mailmigrator.auth.DeviceSignIn;
import org.mailmigrator.auth.LoopbackSignIn;
import org.mailmigrator.core.model.Secret;

/**
 * "Sign in with a code…" (OAuth 2.0 device authorization grant, RFC 8628, the same as the command line's
 * {@code --source-device-client}): with the OAuth client file the administrator registered for the device flow, the
 * provider gives an address and a code, shown here in fields that can be selected and copied, with a button that opens
 * the address in the browser and one that copies the code; the person signs in on this or any other device while the
 * provider is polled at the interval it asked for. The sign-in (an authorized user JSON with the refresh token) goes to
 * {@code done} to be sealed with the row; the device code and the tokens are never shown.
 */
final class DeviceCodeSignIn {
    static final String BUTTON = "Sign in with a code\u2026";
    private final Button start;
    private final Label addressLabel;
    private final Text address;
    private final Button open;
    private final Label codeLabel;
    private final Text code;
    private final Button copy;
    private final Label status;
    private final CountDownLatch closed = new CountDownLatch(1);
    private LoopbackSignIn.Browser browser;
    private volatile URI page;
    private volatile boolean wanted;

    /** Three rows of a three-column grid: the button, then the address and the code (hidden until the provider gives them). */
    DeviceCodeSignIn(FormToolkit toolkit, Composite grid, Label status) {
        this.status = status;
        start = toolkit.createButton(grid, BUTTON, SWT.PUSH);
        start.setToolTipText("Sign in on any device with a browser, by a code the provider shows here (device sign-in,"
                + " RFC 8628); needs the OAuth client file of a client registered for it");
        GridDataFactory.fillDefaults().span(3, 1).align(SWT.BEGINNING, SWT.CENTER).applyTo(start);
        addressLabel = toolkit.createLabel(grid, "Open:");
        address = toolkit.createText(grid, "", SWT.BORDER | SWT.READ_ONLY);
        open = toolkit.createButton(grid, "Open the browser", SWT.PUSH);
        codeLabel = toolkit.createLabel(grid, "And enter the code:");
        code = toolkit.createText(grid, "", SWT.BORDER | SWT.READ_ONLY);
        copy = toolkit.createButton(grid, "Copy code", SWT.PUSH);
        for (Text t : new Text[] {address, code}) {
            GridDataFactory.fillDefaults().grab(true, false).applyTo(t);
        }
        open.addListener(SWT.Selection, e -> openPage());
        copy.addListener(SWT.Selection, e -> {
            Clipboard c = new Clipboard(code.getDisplay());
            try {
                c.setContents(new Object[] {code.getText()}, new Transfer[] {TextTransfer.getInstance()});
            } finally {
                c.dispose();
            }
        });
        grid.addListener(SWT.Dispose, e -> closed.countDown()); // a closed editor stops the polling
        showCode(false);
    }

    void setBrowser(LoopbackSignIn.Browser browser) {
        this.browser = browser;
    }

    /** Offered or not (its choice selected); a sign-in waiting for the person ends at its next poll when not. */
    void setEnabled(boolean enabled) {
        wanted = enabled;
        start.setEnabled(enabled);
    }

    /**
     * Asks the provider for a code and waits for the sign-in off the UI thread.
     *
     * @param clientFile the OAuth client JSON ({@code client_id}, {@code device_authorization_endpoint},
     *        {@code token_endpoint}, {@code scope}), as the command line's {@code --source-device-client} takes it
     * @param done called on the UI thread with the user and the sign-in to seal
     */
    void signIn(String user, String clientFile, BiConsumer<String, Secret> done) {
        if (user.isEmpty()) {
            status.setText("Type the login first: the provider is asked to sign in that mailbox.");
            return;
        }
        if (clientFile.isEmpty()) {
            status.setText("Choose the OAuth client file (JSON) of a client registered for sign-in with a code.");
            return;
        }
        LoopbackSignIn.Provider provider;
        try {
            Path file = Path.of(clientFile);
            provider = DeviceSignIn.client(Secret.of(Files.readString(file, StandardCharsets.UTF_8).strip()),
                    "the OAuth client file " + file);
        } catch (IOException | RuntimeException e) {
            status.setText("Not signed in: " + (e instanceof IOException ? "the OAuth client file " + clientFile
                    + " cannot be read" : e.getMessage()));
            relayout();
            return;
        }
        start.setEnabled(false);
        status.setText("Asking the provider for a code\u2026");
        Display display = status.getDisplay();
        SignInThread.start("oauth2-device-sign-in", status, () -> DeviceSignIn.signIn(provider, user,
                (uri, userCode, complete, valid) -> {
                    page = complete.orElse(uri);
                    ui(display, () -> {
                        address.setText(uri.toString());
                        code.setText(userCode);
                        showCode(true);
                        status.setText("Open " + uri + " on any device and enter the code " + userCode + " (valid "
                                + Math.max(1, valid.toMinutes()) + " min); waiting for the sign-in of " + user + "\u2026");
                    });
                }, d -> {
                    if (closed.await(d.toMillis(), TimeUnit.MILLISECONDS) || !wanted) {
                        throw new InterruptedException("the sign-in was left");
                    }
                }, Clock.systemUTC()), (result, text) -> {
                    showCode(false);
                    if (result != null) {
                        done.accept(user, result);
                    }
                    status.setText(text);
                    start.setEnabled(wanted);
                    relayout();
                });
    }

    private void openPage() {
        URI target = page;
        if (target == null || browser == null) {
            return;
        }
        try {
            browser.open(target);
        } catch (IOException e) {
            status.setText(e.getMessage() + ": open " + address.getText() + " yourself (the address can be copied)");
            relayout();
        }
    }

    private void showCode(boolean show) {
        for (Control c : new Control[] {addressLabel, address, open, codeLabel, code, copy}) {
            c.setVisible(show);
            Object data = c.getLayoutData();
            GridData g = data instanceof GridData gd ? gd : new GridData();
            g.exclude = !show;
            c.setLayoutData(g);
        }
        if (!show) {
            address.setText("");
            code.setText("");
            page = null;
        }
        relayout();
    }

    private void relayout() {
        status.requestLayout();
        address.requestLayout();
    }

    /** Runs on the UI thread while the form is open (an editor closed meanwhile: nothing to show). */
    private void ui(Display display, Runnable r) {
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                if (!status.isDisposed()) {
                    r.run();
                }
            });
        }
    }

    Button button() {
        return start;
    }

    Text address() {
        return address;
    }

    Text code() {
        return code;
    }

    Button openButton() {
        return open;
    }

    Button copyButton() {
        return copy;
    }
}
