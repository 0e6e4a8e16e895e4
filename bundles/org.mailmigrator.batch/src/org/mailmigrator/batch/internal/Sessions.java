package org.mailmigrator.batch.internal;

import java.util.HashMap;
import java.util.Map;

import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.engine.SessionFactory;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.SignIn;
import org.mailmigrator.auth.SignIns;

/**
 * How a batch row connects and what its engine pass does, in one place: the run, the editor's "Test
 * connection" and its folder mapping preview must all see the same servers and the same rules.
 */
public final class Sessions {
    private Sessions() {
    }

    /** Opens sessions of an account with the run's connection settings (plaintext allowed, pinned certificates). */
    public static SessionFactory factory(Connector c, Account a, Role role, Secret secret, RunSettings settings) {
        Map<String, String> s = new HashMap<>(a.settings());
        if (settings.allowPlaintext() && "starttls".equals(s.get("security"))) {
            s.put("security", "plain");
        }
        if (settings.allowPlaintext()) {
            s.putIfAbsent("allowPlaintext", "true"); // an http:// EWS URL (test servers); IMAP reads "security"
        }
        if (!settings.trustSha256().isEmpty() && !s.containsKey("trustSha256")) {
            s.put("trustSha256", String.join(",", settings.trustSha256()));
        }
        Account account = new Account(a.connectorId(), s, a.credential());
        ConnectContext trust = settings.certificates() == null ? ConnectContext.of(secret) : new ConnectContext() {
            @Override
            public java.util.Optional<Secret> credential() {
                return java.util.Optional.ofNullable(secret);
            }

            @Override
            public boolean trustCertificate(String host, java.security.cert.X509Certificate[] chain) {
                // one question per host and certificate for the whole process (CertificateGate)
                return settings.certificates().trust(host, chain);
            }
        };
        // OAuth2 (setting "auth"): the secret is a token, a service account key or a refresh token (docs/sign-in.md);
        // one token source per factory, so that the sessions of a pass share its cached tokens
        java.util.Optional<SignIn> signIn;
        try {
            signIn = SignIns.of(s, s.getOrDefault("login", ""), secret, role == Role.SOURCE ? "the source's OAuth2 "
                    + "secret" : "the destination's OAuth2 secret");
        } catch (IllegalArgumentException e) {
            String why = e.getMessage();
            return () -> {
                throw new ConnectorException.AccountFailure(why, ConnectorException.AccountFailure.Reason.CONFIGURATION, null);
            };
        }
        ConnectContext context = signIn.filter(SignIn.Bearer.class::isInstance).map(b -> ConnectContext.of(b, trust))
                .orElse(trust);
        return () -> c.open(account, role, context);
    }

    /**
     * The engine settings of one batch row: the run's, with the row's folder filters, map, mirroring and limits,
     * one folder at a time (a batch's parallelism comes from running many rows at once).
     */
    public static MigrationSettings engine(RunSettings settings, MigrationOptions o) {
        return engine(settings, o, 1);
    }

    /** The same with {@code parallelism} folders copied at once ({@code migrate --parallel}). */
    public static MigrationSettings engine(RunSettings settings, MigrationOptions o, int parallelism) {
        return settings.engine().withParallelism(parallelism).withFilters(o.includeFolders(), o.excludeFolders(),
                o.folderMap()).withMirror(o.mirrorDeletions()).withLimits(o.limits())
                .withGmail(o.gmail());
    }
}
