package org.mailmigrator.connector.dav;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.SignIn;

/**
 * The {@code Authorization} header of each DAV request, asked again for every request so that a sign-in that
 * refreshes its token (OAuth2) can hand out the current one. {@link #basic} for a password, {@link #bearer} for an
 * access token given as the account's secret (setting {@code auth=bearer}). Never logged: the value is a secret.
 */
@FunctionalInterface
public interface DavAuthorization {

    /** The header's value, e.g. {@code Basic ...} or {@code Bearer ...}. */
    String header() throws ConnectorException;

    /**
     * The server refused the request sent with {@code refused} (HTTP 401): whether a renewed header is worth one
     * more try. A password or a fixed token is not (false); an OAuth2 token source renews its token once.
     */
    default boolean renew(String refused) throws ConnectorException {
        return false;
    }

    /** Preemptive Basic authentication (one request per write, no 401 round trip that would send a body twice). */
    static DavAuthorization basic(String login, Secret password) {
        String pair = login + ":" + new String(password.reveal());
        String value = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        return () -> value;
    }

    /** An OAuth2 access token (RFC 6750) that stays valid for the session. */
    static DavAuthorization bearer(Secret accessToken) {
        String value = "Bearer " + new String(accessToken.reveal()).strip();
        return () -> value;
    }

    /**
     * The row's OAuth2 sign-in (docs/sign-in.md): each request carries the token source's current token (renewed
     * by the source before it expires); a refused token is renewed once by {@link #renew}.
     */
    static DavAuthorization bearer(SignIn.TokenSource tokens) {
        return new DavAuthorization() {
            @Override
            public String header() throws ConnectorException {
                return "Bearer " + new String(tokens.accessToken().reveal()).strip();
            }

            @Override
            public boolean renew(String refused) throws ConnectorException {
                tokens.refresh(Secret.of(refused.substring("Bearer ".length())));
                return true;
            }
        };
    }
}
