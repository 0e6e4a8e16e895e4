package org.mailmigrator.auth.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.token.AccessToken;

/**
 * Sends one token request (Nimbus) and turns the answer into a {@link Fetched} or a failure that says what the
 * endpoint said, never a token or key: a refused grant is an AUTHENTICATION failure (the command line's exit 4),
 * an endpoint that cannot be reached a CONNECTION failure.
 */
public final class TokenEndpoint {
    private static final int TIMEOUT_MILLIS = 30_000;
    /** Lifetime assumed when the endpoint does not say (RFC 6749 makes expires_in optional). */
    private static final long DEFAULT_LIFETIME_SECONDS = 3600;

    private TokenEndpoint() {
    }

    public static Fetched send(TokenRequest request, String what, Clock clock) throws ConnectorException {
        TokenResponse response = exchange(request, what);
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            throw new ConnectorException.AccountFailure("the token endpoint " + request.getEndpointURI() + " refused " + what
                    + ": " + describe(error), Reason.AUTHENTICATION, null);
        }
        return fetched(response.toSuccessResponse(), clock);
    }

    /** Sends the request; the answer, success or error, for callers that act on the error code (device polling). */
    public static TokenResponse exchange(TokenRequest request, String what) throws ConnectorException {
        URI endpoint = request.getEndpointURI();
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(TIMEOUT_MILLIS);
        http.setReadTimeout(TIMEOUT_MILLIS);
        try {
            return TokenResponse.parse(http.send());
        } catch (IOException e) {
            throw new ConnectorException.AccountFailure("cannot reach the token endpoint " + endpoint + " for " + what
                    + ": " + e.getMessage(), Reason.CONNECTION, e);
        } catch (ParseException e) {
            throw new ConnectorException.AccountFailure("the token endpoint " + endpoint + " gave an answer that is not "
                    + "an OAuth2 token response for " + what + ": " + e.getMessage(), Reason.CONFIGURATION, e);
        }
    }

    /** The tokens of a successful answer, with the time the access token expires. */
    public static Fetched fetched(AccessTokenResponse ok, Clock clock) {
        AccessToken token = ok.getTokens().getAccessToken();
        long life = token.getLifetime() > 0 ? token.getLifetime() : DEFAULT_LIFETIME_SECONDS;
        var refresh = ok.getTokens().getRefreshToken();
        return new Fetched(Secret.of(token.getValue()), clock.instant().plusSeconds(life),
                Optional.ofNullable(refresh).map(r -> Secret.of(r.getValue())));
    }

    /** An endpoint's error as "code (description)", never a token. */
    public static String describe(ErrorObject error) {
        String code = error.getCode() == null ? "HTTP " + error.getHTTPStatusCode() : error.getCode();
        String text = error.getDescription();
        return text == null || text.isBlank() ? code : code + " (" + text + ")";
    }
}
