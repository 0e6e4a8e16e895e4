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

    /** A server presented a certificate the JDK trust store does not accept: may it be trusted? */
    boolean trustCertificate(String host, X509Certificate[] chain);

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
