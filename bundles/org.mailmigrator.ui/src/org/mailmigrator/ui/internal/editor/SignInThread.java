package org.mailmigrator.ui.internal.editor;

import java.util.function.BiConsumer;

import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.mailmigrator.auth.LoopbackSignIn;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;

/** Runs a sign-in off the UI thread; its outcome is told on the UI thread while {@code owner} is still shown. */
final class SignInThread {
    /** The sign-in, which may wait minutes for the person. */
    @FunctionalInterface
    interface Attempt {
        LoopbackSignIn.Authorized run() throws ConnectorException;
    }

    private SignInThread() {
    }

    /**
     * @param outcome the sign-in to seal (null when it failed) and the line to show: "Signed in as LOGIN" or
     *        "Not signed in: why" (never a token)
     */
    static void start(String name, Control owner, Attempt attempt, BiConsumer<Secret, String> outcome) {
        Display display = owner.getDisplay();
        Thread.ofPlatform().daemon().name(name).start(() -> {
            String text;
            Secret secret = null;
            try {
                LoopbackSignIn.Authorized a = attempt.run();
                secret = a.sealable();
                text = "Signed in as " + a.user();
            } catch (ConnectorException e) {
                text = "Not signed in: " + e.getMessage();
            }
            Secret result = secret;
            String said = text;
            if (!display.isDisposed()) {
                display.asyncExec(() -> {
                    if (!owner.isDisposed()) {
                        outcome.accept(result, said);
                    }
                });
            }
        });
    }
}
