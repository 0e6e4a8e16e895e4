package org.mailmigrator.ui.internal.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.mailmigrator.auth.LoopbackSignIn;
import org.mailmigrator.auth.ServiceAccountKey;
import org.mailmigrator.auth.SignIns;
import org.mailmigrator.core.model.Secret;

/**
 * How an IMAP account signs in: its password (the connector's own field), OAuth2 in the system browser
 * ({@link LoopbackSignIn}: the refresh token it gives is sealed with the row like a password), a service account
 * key file or an access token file (the file's content is sealed), or OAuth2 with a code shown here
 * ({@link DeviceCodeSignIn}, RFC 8628: its refresh token is sealed like the browser's), or Microsoft 365 in the system
 * browser (the tenant typed here, {@link SignInProviders#microsoft}: the same loopback PKCE sign-in and sealing as
 * Google's; the tenant is kept in {@value #TENANT} to be shown again). Sets {@code auth = xoauth2}
 * on the account and {@code signin} to which one it is. Never shows a token: only "Signed in as LOGIN". Used by the migration
 * editor and by the New migration wizard's IMAP account pages.
 */
public final class SignInChoice {
    static final String SIGNIN = "signin";
    /** The Microsoft 365 tenant of a {@code microsoft} sign-in (its domain, its id or {@code organizations}). */
    static final String TENANT = "oauthTenant";
    static final List<String> CHOICES = List.of("Password", "OAuth2 sign-in in the browser", "Service account key file",
            "Access token file", "OAuth2 sign-in with a code (any device)", "Microsoft 365 sign-in in the browser");
    private static final List<String> IDS = List.of("password", "browser", "serviceaccount", "tokenfile", "device",
            "microsoft");

    private final Combo choice;
    private final Text file;
    private final Button browse;
    private final Button signInButton;
    private final Label fileLabel;
    private final Text tenant;
    private final Label status;
    private final DeviceCodeSignIn device;
    private final Supplier<String> login;
    private final Runnable changed;
    private final boolean stored;
    private final String storedAuth;
    private final String storedId;
    private final String storedTenant;
    private LoopbackSignIn.Browser browser = page -> {
        if (!Program.launch(page.toString())) {
            throw new IOException("no web browser could be started for the sign-in page");
        }
    };
    private Secret signedIn;
    /** What {@link #signedIn} was made for ({@link #made()}): a sign-in of another choice or tenant is not this one's. */
    private String signedInFor = "";

    public SignInChoice(FormToolkit toolkit, Composite parent, Map<String, String> settings, Supplier<String> login,
            Runnable changed) {
        this.login = login;
        this.changed = changed;
        boolean oauth = settings.containsKey(SignIns.AUTH) && !"password".equalsIgnoreCase(settings.get(SignIns.AUTH));
        this.stored = oauth;
        this.storedAuth = oauth ? settings.get(SignIns.AUTH) : "xoauth2";
        this.storedId = oauth ? settings.getOrDefault(SIGNIN, "browser") : "password";
        this.storedTenant = settings.getOrDefault(TENANT, "").trim();
        Composite box = toolkit.createComposite(parent);
        box.setLayout(new GridLayout(3, false));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(box);
        toolkit.createLabel(box, "Sign in with:");
        choice = new Combo(box, SWT.READ_ONLY | SWT.DROP_DOWN);
        choice.setItems(CHOICES.toArray(String[]::new));
        int index = oauth ? Math.max(1, IDS.indexOf(settings.getOrDefault(SIGNIN, "browser"))) : 0;
        choice.select(index);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(choice);
        fileLabel = toolkit.createLabel(box, FILE);
        file = toolkit.createText(box, "", SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(file);
        browse = toolkit.createButton(box, "Browse\u2026", SWT.PUSH);
        toolkit.createLabel(box, "Microsoft 365 tenant:");
        tenant = toolkit.createText(box, storedTenant, SWT.BORDER);
        tenant.setToolTipText("The tenant's domain (contoso.onmicrosoft.com or the organisation's own), its id, or "
                + "organizations for any work account");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(tenant);
        signInButton = toolkit.createButton(box, "Sign in with the provider in the browser", SWT.PUSH);
        status = toolkit.createLabel(box, oauth ? "The sealed OAuth2 sign-in, key or token is kept (a new one "
                + "replaces it)" : "", SWT.WRAP);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(status);
        device = new DeviceCodeSignIn(toolkit, box, status);
        device.setBrowser(page -> browser.open(page));
        device.button().addListener(SWT.Selection, e -> device.signIn(login.get().trim(), file.getText().trim(),
                (user, secret) -> {
                    signedIn = secret;
                    signedInFor = "device";
                    changed.run();
                }));
        choice.addListener(SWT.Selection, e -> {
            update();
            changed.run();
        });
        file.addListener(SWT.Modify, e -> changed.run());
        tenant.addListener(SWT.Modify, e -> changed.run());
        browse.addListener(SWT.Selection, e -> {
            FileDialog d = new FileDialog(box.getShell(), SWT.OPEN);
            d.setFilterExtensions(new String[] {"*.json;*.txt", "*"});
            Optional.ofNullable(d.open()).ifPresent(file::setText);
        });
        signInButton.addListener(SWT.Selection, e -> signIn());
        update();
    }

    private void update() {
        String id = id();
        boolean withFile = id.equals("serviceaccount") || id.equals("tokenfile") || id.equals("device");
        file.setEnabled(withFile);
        browse.setEnabled(withFile);
        signInButton.setEnabled(inBrowser(id));
        tenant.setEnabled(id.equals("microsoft"));
        device.setEnabled(id.equals("device"));
        fileLabel.setText(id.equals("device") ? CLIENT_FILE : FILE);
        fileLabel.requestLayout();
    }

    private static final String FILE = "Key or token file:";
    private static final String CLIENT_FILE = "OAuth client file:";

    /** The choice a sign-in made now is for: its id, and for Microsoft its tenant. */
    private String made() {
        String id = id();
        return id.equals("microsoft") ? id + ":" + tenant.getText().trim().toLowerCase(java.util.Locale.ROOT) : id;
    }

    private static boolean inBrowser(String id) {
        return id.equals("browser") || id.equals("microsoft");
    }

    /** {@code password}, {@code browser}, {@code serviceaccount}, {@code tokenfile}, {@code device} or {@code microsoft}. */
    public String id() {
        return IDS.get(Math.max(0, choice.getSelectionIndex()));
    }

    /** Runs the browser sign-in off the UI thread; the outcome is shown in the status line. */
    private void signIn() {
        String user = login.get().trim();
        boolean microsoft = id().equals("microsoft");
        if (user.isEmpty()) {
            tell("Type the login first: the provider is asked to sign in that mailbox.");
            return;
        }
        Optional<LoopbackSignIn.Provider> provider;
        try {
            provider = microsoft ? SignInProviders.microsoft(tenant.getText().trim()) : SignInProviders.provider();
        } catch (IllegalArgumentException e) {
            tell("Not signed in: " + e.getMessage() + " (type its domain, e.g. contoso.onmicrosoft.com, its id, or "
                    + "organizations)");
            return;
        }
        if (provider.isEmpty()) {
            tell(microsoft ? SignInProviders.MICROSOFT_MISSING : SignInProviders.MISSING);
            return;
        }
        status.setText("Waiting for the sign-in of " + user + " in the browser\u2026");
        signInButton.setEnabled(false);
        LoopbackSignIn.Browser opener = browser;
        String madeFor = made();
        SignInThread.start("oauth2-sign-in", status, () -> LoopbackSignIn.signIn(provider.get(), user, opener,
                Duration.ofMinutes(5)), (result, text) -> {
                    if (result != null) {
                        signedIn = result;
                        signedInFor = madeFor;
                        changed.run();
                    }
                    tell(text);
                    signInButton.setEnabled(inBrowser(id()));
                });
    }

    private void tell(String text) {
        status.setText(text);
        status.getParent().layout(true);
    }

    /** The account's settings as chosen here ({@code auth} and {@code signin} set or removed). */
    public void apply(Map<String, String> settings) {
        String id = id();
        if (id.equals("password")) {
            settings.remove(SignIns.AUTH);
            settings.remove(SIGNIN);
        } else {
            settings.put(SignIns.AUTH, storedAuth); // xoauth2, or oauthbearer when the row had it
            settings.put(SIGNIN, id);
        }
        if (id.equals("microsoft")) {
            settings.put(TENANT, tenant.getText().trim());
        } else {
            settings.remove(TENANT);
        }
    }

    /** The secret to seal: the browser sign-in's refresh token, or the file's content; empty keeps the stored one. */
    public Optional<Secret> secret() {
        return switch (id()) {
            case "browser", "device", "microsoft" -> made().equals(signedInFor) ? Optional.ofNullable(signedIn)
                    : Optional.empty();
            case "serviceaccount", "tokenfile" -> fileSecret();
            default -> Optional.empty();
        };
    }

    private Optional<Secret> fileSecret() {
        String path = file.getText().trim();
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Secret.of(Files.readString(Path.of(path)).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** What keeps the choice from being saved, naming the field (never the file's content). */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        String id = id();
        if (id.equals("browser") && secret().isEmpty() && !stored) {
            problems.add("Sign in: click \"" + signInButton.getText() + "\" first");
        }
        if (id.equals("microsoft")) {
            problems.addAll(microsoftProblems());
        }
        if (id.equals("device") && secret().isEmpty() && !stored) {
            problems.add("Sign in: click \"" + DeviceCodeSignIn.BUTTON + "\" and enter the code first");
        }
        if (id.equals("serviceaccount") || id.equals("tokenfile")) {
            String path = file.getText().trim();
            String what = id.equals("serviceaccount") ? "service account key file" : "access token file";
            if (path.isEmpty()) {
                if (!stored) {
                    problems.add("Sign in: choose the " + what);
                }
            } else if (!Files.isReadable(Path.of(path))) {
                problems.add("Sign in: the " + what + " '" + path + "' cannot be read");
            } else if (id.equals("serviceaccount") && !fileSecret().map(ServiceAccountKey::isKey).orElse(false)) {
                problems.add("Sign in: '" + path + "' is not a service account JSON key (\"type\": \"service_account\")");
            }
        }
        return problems;
    }

    /** A Microsoft sign-in needs its tenant, and a sign-in made here unless the row holds one of that tenant. */
    private List<String> microsoftProblems() {
        String t = tenant.getText().trim();
        if (t.isEmpty()) {
            return List.of("Sign in: type the Microsoft 365 tenant (its domain, e.g. contoso.onmicrosoft.com, its id, or "
                    + "organizations)");
        }
        if (!t.matches("[A-Za-z0-9.-]+")) {
            return List.of("Sign in: the Microsoft 365 tenant '" + t + "' is not a domain, a tenant id or organizations");
        }
        if (secret().isEmpty() && !(storedId.equals("microsoft") && storedTenant.equalsIgnoreCase(t))) {
            return List.of("Sign in: click \"" + signInButton.getText() + "\" first" + (storedId.equals("microsoft")
                    ? " (the tenant changed)" : ""));
        }
        return List.of();
    }

    /** The sign-in page opener (the system browser; tests act as the browser). */
    public void setBrowser(LoopbackSignIn.Browser browser) {
        this.browser = browser;
    }

    /** The device sign-in's button, address, code, "Open the browser" and "Copy code" (in this order). */
    public List<org.eclipse.swt.widgets.Control> deviceWidgets() {
        return List.of(device.button(), device.address(), device.code(), device.openButton(), device.copyButton());
    }

    public Combo choice() {
        return choice;
    }

    public Button signInButton() {
        return signInButton;
    }

    public Text file() {
        return file;
    }

    public Text tenant() {
        return tenant;
    }

    public Label status() {
        return status;
    }
}
