package org.mailmigrator.cli.internal.batch;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.notify.SmtpPassword;
import org.mailmigrator.batch.notify.SmtpSettings;
import org.mailmigrator.cli.internal.Passwords;
import org.mailmigrator.core.model.Secret;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code batch notify-settings}: the SMTP server of the notification mails, headless. Changes only the
 * options given (the workbench's Notifications page edits the same file); without options prints the
 * settings. The password of a login is sealed in the workspace's vault ({@link SmtpPassword}), never written
 * to the settings file, and read like every other password: a file, an environment variable, a prompt.
 */
@Command(name = "notify-settings", mixinStandardHelpOptions = true,
        description = "Shows or changes the SMTP server that sends the batches' notification mails (only the options "
                + "given change). A login's password is encrypted with the secrets key, never stored in clear.")
public final class NotifySettingsCommand implements Callable<Integer> {
    private static final String VARIABLE = "MAILMIGRATOR_SMTP_PASSWORD";
    private static final Set<String> SECURITY = Set.of("none", "starttls", "tls");

    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOptions ws;
    @Option(names = "--host", paramLabel = "HOST", description = "SMTP server (an empty host turns notifications off)")
    String host;
    @Option(names = "--port", paramLabel = "PORT", description = "default: 465 with tls, 587 with starttls, 25 with none")
    Integer port;
    @Option(names = "--security", paramLabel = "MODE", description = "starttls (default), tls or none")
    String security;
    @Option(names = "--from", paramLabel = "ADDRESS", description = "sender address of the mails")
    String from;
    @Option(names = "--login", paramLabel = "LOGIN", description = "SMTP AUTH login (an empty login sends without AUTH "
            + "and forgets the password)")
    String login;
    @Option(names = "--smtp-password-file", paramLabel = "FILE", description = "the login's password (first line); "
            + "else $" + VARIABLE + ", else a prompt when the login is new")
    Path passwordFile;
    @Option(names = "--smtp-auth", paramLabel = "MECH", description = "password (default) or xoauth2: then the secret of "
            + "--smtp-password-file is an OAuth2 secret (service account key, authorized user JSON or access token), read whole")
    String smtpAuth;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Workspace w = ws.workspace();
        Optional<SmtpSettings> current = SmtpSettings.load(w);
        if (host == null && port == null && security == null && from == null && login == null && passwordFile == null
                && smtpAuth == null && !passwordInEnvironment()) {
            out.println(current.map(s -> describe(w, s)).orElse("no SMTP server set (" + SmtpSettings.file(w)
                    + "): no notification is sent"));
            return BatchExitCodes.OK;
        }
        try {
            SmtpSettings s = merge(current);
            String auth = smtpAuth != null ? auth(smtpAuth) : SmtpSettings.auth(w).orElse("password");
            Optional<Secret> password = auth.equals("password") ? password(w, current, s) : oauthSecret(s);
            s.save(w);
            if (smtpAuth != null) {
                SmtpSettings.saveAuth(w, auth);
            }
            if (s.login().isEmpty()) {
                SmtpPassword.remove(w);
            }
            if (password.isPresent()) {
                SmtpPassword.save(w, ws.vault(true), password.get());
            }
            out.println("saved in " + SmtpSettings.file(w) + ": " + describe(w, s));
            if (s.login().isPresent() && s.security().equals("none")) {
                err.println("mailmigrator batch notify-settings: security none: 'batch run' sends the password only "
                        + "with --allow-plaintext (starttls or tls keep it encrypted)");
            }
            return BatchExitCodes.OK;
        } catch (IllegalArgumentException e) {
            err.println("mailmigrator batch notify-settings: " + e.getMessage());
            return BatchExitCodes.USAGE;
        }
    }

    private SmtpSettings merge(Optional<SmtpSettings> current) {
        String h = host != null ? host.trim() : current.map(SmtpSettings::host).orElse("");
        if (h.isEmpty() && current.isEmpty()) {
            throw new IllegalArgumentException("no SMTP server is set: give --host HOST");
        }
        String sec = security != null ? security.trim().toLowerCase(Locale.ROOT)
                : current.map(SmtpSettings::security).orElse("starttls");
        if (!SECURITY.contains(sec)) {
            throw new IllegalArgumentException("--security " + security + ": must be starttls, tls or none");
        }
        int p = port != null ? port
                : current.map(SmtpSettings::port).orElse(sec.equals("tls") ? 465 : sec.equals("starttls") ? 587 : 25);
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException("--port " + p + ": must be 1 to 65535");
        }
        String f = from != null ? from.trim() : current.map(SmtpSettings::from).orElse("mailmigrator@localhost");
        Optional<String> l = login != null ? Optional.of(login.trim()).filter(x -> !x.isEmpty())
                : current.flatMap(SmtpSettings::login);
        return new SmtpSettings(h, p, sec, f, l);
    }

    /** Asked for when given, or when a new login has none yet (a prompt if neither file nor variable). */
    private Optional<Secret> password(Workspace w, Optional<SmtpSettings> current, SmtpSettings s) {
        if (s.login().isEmpty()) {
            if (passwordFile != null) {
                throw new IllegalArgumentException("--smtp-password-file needs a login: give --login LOGIN");
            }
            return Optional.empty();
        }
        boolean newLogin = !s.login().equals(current.flatMap(SmtpSettings::login));
        if (passwordFile == null && !passwordInEnvironment() && !newLogin && SmtpPassword.stored(w)) {
            return Optional.empty();
        }
        return Optional.of(Passwords.find("smtp", passwordFile, VARIABLE, s.login().get() + " on " + s.host()));
    }

    private static String auth(String value) {
        String a = value.trim().toLowerCase(Locale.ROOT);
        if (!a.equals("password") && !a.equals("xoauth2")) {
            throw new IllegalArgumentException("--smtp-auth " + value + ": must be password or xoauth2");
        }
        return a;
    }

    /** With xoauth2: the whole file (a downloaded key spans several lines), checked now, never quoted. */
    private Optional<Secret> oauthSecret(SmtpSettings s) {
        if (passwordFile == null) {
            return Optional.empty(); // the sealed secret stays
        }
        if (s.login().isEmpty()) {
            throw new IllegalArgumentException("--smtp-password-file needs a login: give --login LOGIN (the mailbox that sends)");
        }
        Secret secret;
        try {
            secret = Secret.of(java.nio.file.Files.readString(passwordFile, java.nio.charset.StandardCharsets.UTF_8).strip());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("--smtp-password-file " + passwordFile + " cannot be read: " + e.getMessage());
        }
        org.mailmigrator.auth.SignIns.tokens(secret, s.login().get(), java.util.List.of(), "--smtp-password-file " + passwordFile,
                java.time.Clock.systemUTC());
        return Optional.of(secret);
    }

    private static boolean passwordInEnvironment() {
        String value = System.getenv(VARIABLE);
        return value != null && !value.isEmpty();
    }

    private static String describe(Workspace w, SmtpSettings s) {
        boolean oauth;
        try {
            oauth = SmtpSettings.auth(w).isPresent();
        } catch (java.io.IOException e) {
            oauth = false;
        }
        String secret = oauth ? "OAuth2 (XOAUTH2) secret" : "password";
        return s.host() + ":" + s.port() + " " + s.security() + ", from " + s.from() + s.login()
                .map(l -> ", login " + l + (SmtpPassword.stored(w) ? ", " + secret + " encrypted in " + SmtpPassword.file(w)
                        : ", NO password stored (give --smtp-password-file FILE)"))
                .orElse(", no login (no SMTP AUTH)");
    }
}
