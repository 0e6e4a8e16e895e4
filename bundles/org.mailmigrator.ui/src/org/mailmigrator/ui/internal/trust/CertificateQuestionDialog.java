package org.mailmigrator.ui.internal.trust;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** Asks whether to trust a server certificate the JDK trust store does not vouch for. Refuse is the default. */
public final class CertificateQuestionDialog extends TitleAreaDialog {
    static final int ONCE_ID = IDialogConstants.CLIENT_ID + 1;
    static final int ALWAYS_ID = IDialogConstants.CLIENT_ID + 2;

    private final CertificateFacts facts;
    private TrustDecision decision = TrustDecision.REFUSE;

    public CertificateQuestionDialog(Shell parent, CertificateFacts facts) {
        super(parent);
        this.facts = facts;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        getShell().setText("Untrusted certificate");
        setTitle("Do you trust the certificate of " + facts.host() + "?");
        setMessage((facts.selfSigned() ? "The certificate is self-signed. " : "No trusted authority vouches for it. ")
                + "Compare its fingerprint with the one your provider or administrator gives you.");
        Composite area = (Composite) super.createDialogArea(parent);
        Composite body = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(body);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        row(body, "Server", facts.host());
        row(body, "Subject", facts.subject());
        row(body, "Issuer", facts.issuer());
        row(body, "Valid", facts.validity());
        row(body, "SHA-256", facts.sha256());
        return area;
    }

    private static void row(Composite body, String name, String value) {
        new Label(body, SWT.NONE).setText(name);
        Text text = new Text(body, SWT.READ_ONLY | SWT.WRAP);
        text.setText(value);
        text.setData("field", name);
        GridDataFactory.fillDefaults().grab(true, false).hint(520, SWT.DEFAULT).applyTo(text);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, ONCE_ID, "Trust &once", false);
        createButton(parent, ALWAYS_ID, "Trust &always", false);
        createButton(parent, IDialogConstants.CANCEL_ID, "&Refuse", true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        decision = buttonId == ONCE_ID ? TrustDecision.ONCE : buttonId == ALWAYS_ID ? TrustDecision.ALWAYS : TrustDecision.REFUSE;
        setReturnCode(buttonId);
        close();
    }

    public TrustDecision decision() {
        return decision;
    }
}
