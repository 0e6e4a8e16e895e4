package org.mailmigrator.batch.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.core.connector.ConnectorDescriptor;
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

    /**
     * Opens sessions of an account with the run's connection settings (plaintext allowed, pinned certificates).
     *
     * @throws ConnectorException.AccountFailure naming the connector when it is not installed
     */
    public static SessionFactory factory(ConnectorFactory connectors, Account a, Role role, Secret secret,
            RunSettings settings) throws ConnectorException.AccountFailure {
        return factory(connectors, a, role, secret, java.util.Optional.empty(), settings);
    }

    /** The same with the place {@code secret} is kept ({@code home}: a rotated refresh token is written back there). */
    public static SessionFactory factory(ConnectorFactory connectors, Account a, Role role, Secret secret,
            java.util.Optional<org.mailmigrator.auth.TokenHome> home, RunSettings settings)
            throws ConnectorException.AccountFailure {
        Connector c = connectors.create(a.connectorId());
        Map<String, String> s = new HashMap<>(a.settings());
        if (settings.allowPlaintext()) {
            connectors.descriptor(a.connectorId()).ifPresentOrElse(d -> plaintextAllowed(d, s), () -> {
                // a factory without declarations (a plain-Java benchmark or test child passing
                // id -> new ImapConnector()): the rule the declarations of IMAP and EWS say, written out
                if ("starttls".equals(s.get("security"))) {
                    s.put("security", "plain");
                }
                s.putIfAbsent("allowPlaintext", "true");
            });
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
                    + "secret" : "the destination's OAuth2 secret", home);
        } catch (IllegalArgumentException e) {
            String why = e.getMessage();
            return () -> {
                throw new ConnectorException.AccountFailure(why, ConnectorException.AccountFailure.Reason.CONFIGURATION, null);
            };
        }
        ConnectContext signed = signIn.filter(SignIn.Bearer.class::isInstance).map(b -> ConnectContext.of(b, trust))
                .orElse(trust);
        // what the runner's connectors keep beyond a pass (a link's measure, one memory budget): ConnectorFactory.shared
        ConnectContext context = connectors.shared().map(signed::with).orElse(signed);
        return () -> c.open(account, role, context);
    }

    /**
     * What allowing plaintext changes in an account, as its connector declares it ({@code whenPlaintextAllowed} of
     * its URL schemes, connectors.exsd): the scheme the account's settings match, the most specific one, gives the
     * settings that replace them (IMAP: {@code security=starttls} becomes {@code plain}; EWS:
     * {@code allowPlaintext=true}). A setting the account gives a value of its own, other than the scheme's, is the
     * person's choice and stays. A connector without such a declaration is left as it is.
     */
    public static void plaintextAllowed(ConnectorDescriptor d, Map<String, String> s) {
        d.schemes().stream().filter(x -> !x.whenPlaintextAllowed().isEmpty())
                .filter(x -> s.entrySet().containsAll(x.settings().entrySet()))
                .max(Comparator.comparingInt(x -> x.settings().size()))
                .ifPresent(x -> x.whenPlaintextAllowed().forEach((key, value) -> {
                    if (!s.containsKey(key) || Objects.equals(s.get(key), x.settings().get(key))) {
                        s.put(key, value);
                    }
                }));
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
