package org.mailmigrator.core.spi;

import java.util.Locale;
import java.util.Objects;

import org.mailmigrator.core.model.Secret;

/**
 * How an account signs in, whatever the protocol: with a password, or with an OAuth2 bearer token presented
 * through SASL XOAUTH2 or OAUTHBEARER (RFC 7628). A connector asks {@link ConnectContext#signIn()} and uses
 * what it supports; the tokens come from a {@link TokenSource} (a file, a service account key, a refresh
 * token) that the command line or the batch built, so connectors never see keys or token endpoints.
 * docs/sign-in.md describes the choices for administrators.
 */
public sealed interface SignIn {

    /** The account's password (the only sign-in before OAuth2; still the default). */
    record Password(Secret password) implements SignIn {
        public Password {
            Objects.requireNonNull(password, "password");
        }
    }

    /** An OAuth2 access token presented with a SASL mechanism; {@code tokens} gives fresh ones. */
    record Bearer(Mechanism mechanism, TokenSource tokens) implements SignIn {
        public Bearer {
            Objects.requireNonNull(mechanism, "mechanism");
            Objects.requireNonNull(tokens, "tokens");
        }
    }

    /** The SASL mechanisms that carry a bearer token. */
    enum Mechanism {
        /** Google's and Microsoft's {@code XOAUTH2}. */
        XOAUTH2,
        /** The standard {@code OAUTHBEARER} (RFC 7628). */
        OAUTHBEARER;

        /** {@code xoauth2} or {@code oauthbearer}, as in the command line's and the CSV's {@code auth} value. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Where access tokens come from. Implementations cache a token until shortly before it expires and are
     * safe to call from several connections at once. Tokens are {@link Secret}s: never logged or printed.
     */
    interface TokenSource {
        /** A token believed valid now (cached, or newly obtained when the cached one is about to expire). */
        Secret accessToken() throws ConnectorException;

        /**
         * The server refused {@code refused}: obtain a new token regardless of the cache. A source that cannot
         * obtain another one (a fixed token file that has not changed) throws an
         * {@link ConnectorException.AccountFailure} of reason AUTHENTICATION that says what to do.
         */
        Secret refresh(Secret refused) throws ConnectorException;

        /** Where the tokens come from, for messages ("the access token in FILE", "service account KEY for USER"). */
        String describe();
    }
}
