package org.mailmigrator.connector.dav;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * The {@code Authorization} header of each DAV request, asked again for every request so that a sign-in that
 * refreshes its token (OAuth2) can hand out the current one. {@link #basic} for a password, {@link #bearer} for an
 * access token given as the account's secret (setting {@code auth=bearer}). Never logged: the value is a secret.
 */
@FunctionalInterface
public interface DavAuthorization {

    /** The header's value, e.g. {@code Basic ...} or {@code Bearer ...}. */
    String header() throws ConnectorException;

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
}
