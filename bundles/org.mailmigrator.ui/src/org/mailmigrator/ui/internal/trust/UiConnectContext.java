package org.mailmigrator.ui.internal.trust;

import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;

/**
 * The workbench's answers to a connector: the credential typed for the account, and the certificate
 * question asked in a dialog on the UI thread (connectors call from background jobs). Certificates trusted
 * "always" are answered from the workspace without asking again.
 */
public final class UiConnectContext implements ConnectContext {
    private final Secret secret;
    private final TrustedCertificates trusted;
    private final BiFunction<Shell, CertificateFacts, TrustDecision> ask;
    private final Display display;

    public UiConnectContext(Display display, Secret secret) {
        this(display, secret, new TrustedCertificates(), UiConnectContext::askInDialog);
    }

    UiConnectContext(Display display, Secret secret, TrustedCertificates trusted,
            BiFunction<Shell, CertificateFacts, TrustDecision> ask) {
        this.display = display;
        this.secret = secret;
        this.trusted = trusted;
        this.ask = ask;
    }

    @Override
    public Optional<Secret> credential() {
        return Optional.ofNullable(secret);
    }

    @Override
    public boolean trustCertificate(String host, X509Certificate[] chain) {
        if (chain == null || chain.length == 0) {
            return false;
        }
        CertificateFacts facts = CertificateFacts.of(host, chain[0]);
        if (trusted.isTrusted(host, facts.sha256())) {
            return true;
        }
        AtomicReference<TrustDecision> decision = new AtomicReference<>(TrustDecision.REFUSE);
        display.syncExec(() -> decision.set(ask.apply(display.getActiveShell(), facts)));
        if (decision.get() == TrustDecision.ALWAYS) {
            trusted.trust(host, facts.sha256());
        }
        return decision.get() != TrustDecision.REFUSE;
    }

    private static TrustDecision askInDialog(Shell parent, CertificateFacts facts) {
        CertificateQuestionDialog dialog = new CertificateQuestionDialog(parent, facts);
        dialog.open();
        return dialog.decision();
    }
}
