package org.mailmigrator.core.spi;

import java.security.cert.X509Certificate;
import java.util.Optional;

import org.mailmigrator.core.model.Secret;

/**
 * How a connector reaches the people running it: the workbench answers with dialogs, the command line
 * with flags and prompts. Small on purpose; add a method only when a connector truly needs to ask.
 */
public interface ConnectContext {

    /** The secret of the account being opened, if one is known. */
    Optional<Secret> credential();

    /**
     * How the account signs in. The default keeps the password behaviour: the {@link #credential()} as a
     * {@link SignIn.Password}, empty when no secret is known. OAuth2 contexts return a {@link SignIn.Bearer}.
     */
    default Optional<SignIn> signIn() {
        return credential().map(SignIn.Password::new);
    }

    /** A server presented a certificate the JDK trust store does not accept: may it be trusted? */
    boolean trustCertificate(String host, X509Certificate[] chain);

    /**
     * What the connectors of the runner opening this session keep beyond a pass ({@link Shared}); empty when the
     * caller keeps nothing (a test, a connection test): the connector then keeps what it needs for itself.
     */
    default Optional<Shared> shared() {
        return Optional.empty();
    }

    /** This context, with {@code shared} as what the runner's connectors keep. */
    default ConnectContext with(Shared shared) {
        ConnectContext self = this;
        return new ConnectContext() {
            @Override
            public Optional<Secret> credential() {
                return self.credential();
            }

            @Override
            public Optional<SignIn> signIn() {
                return self.signIn();
            }

            @Override
            public boolean trustCertificate(String host, X509Certificate[] chain) {
                return self.trustCertificate(host, chain);
            }

            @Override
            public Optional<Shared> shared() {
                return Optional.of(shared);
            }
        };
    }

    /**
     * A context whose account signs in as {@code signIn} says and trusts certificates as {@code trust} does, sharing
     * what {@code trust} shares.
     */
    static ConnectContext of(SignIn signIn, ConnectContext trust) {
        return new ConnectContext() {
            @Override
            public Optional<Secret> credential() {
                return signIn instanceof SignIn.Password p ? Optional.of(p.password()) : Optional.empty();
            }

            @Override
            public Optional<SignIn> signIn() {
                return Optional.of(signIn);
            }

            @Override
            public boolean trustCertificate(String host, X509Certificate[] chain) {
                return trust.trustCertificate(host, chain);
            }

            @Override
            public Optional<Shared> shared() {
                return trust.shared();
            }
        };
    }

    /** A context that knows one secret and trusts no unknown certificate. */
    static ConnectContext of(Secret secret) {
        return new ConnectContext() {
            @Override
            public Optional<Secret> credential() {
                return Optional.ofNullable(secret);
            }

            @Override
            public boolean trustCertificate(String host, X509Certificate[] chain) {
                return false;
            }
        };
    }
}
