package org.mailmigrator.ui.internal.trust;

import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.widgets.Display;
import org.mailmigrator.batch.jobs.CertificateQuestion;
import org.mailmigrator.batch.jobs.UntrustedCertificate;

/**
 * The certificate question of runs and pre-flights started from the workbench: the same dialog as "Test an
 * account" (subject, issuer, validity, SHA-256 in copyable fields; trust once / always / refuse), asked on the
 * UI thread while the host's rows wait. "Always" is also remembered where the account test looks
 * ({@link TrustedCertificates}); the run's gate stores it in the workspace for every later run.
 */
public final class RunCertificateQuestion implements CertificateQuestion {
    private final Display display;
    private final TrustedCertificates trusted;

    public RunCertificateQuestion(Display display) {
        this(display, new TrustedCertificates());
    }

    RunCertificateQuestion(Display display, TrustedCertificates trusted) {
        this.display = display;
        this.trusted = trusted;
    }

    @Override
    public Answer ask(UntrustedCertificate c) {
        if (display.isDisposed()) {
            return Answer.REFUSE;
        }
        String colons = HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(c.sha256()));
        CertificateFacts facts = new CertificateFacts(c.host(), c.subject(), c.issuer(),
                c.notBefore().toString().substring(0, 10) + " to " + c.notAfter().toString().substring(0, 10), colons);
        AtomicReference<TrustDecision> decision = new AtomicReference<>(TrustDecision.REFUSE);
        display.syncExec(() -> {
            CertificateQuestionDialog dialog = new CertificateQuestionDialog(display.getActiveShell(), facts);
            dialog.open();
            decision.set(dialog.decision());
        });
        return switch (decision.get()) {
            case ONCE -> Answer.ONCE;
            case ALWAYS -> {
                trusted.trust(c.host(), colons);
                yield Answer.ALWAYS;
            }
            case REFUSE -> Answer.REFUSE;
        };
    }
}
