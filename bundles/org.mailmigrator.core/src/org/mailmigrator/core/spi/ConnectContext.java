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

    /** A context whose account signs in as {@code signIn} says and trusts certificates as {@code trust} does. */
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
