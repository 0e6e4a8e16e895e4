package org.mailmigrator.auth.internal;

import java.time.Clock;
import java.util.List;

import org.mailmigrator.auth.ServiceAccountKey;
import org.mailmigrator.core.spi.ConnectorException;

import com.nimbusds.oauth2.sdk.JWTBearerGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;

/**
 * Tokens for one mailbox from a service account key (RFC 7523 JWT-bearer grant, Google's domain-wide
 * delegation): a new signed assertion for each request, sent to the key's {@code token_uri}. The scopes travel
 * in the assertion, as Google expects.
 */
public final class JwtBearerTokens extends CachedTokens {
    private final ServiceAccountKey key;
    private final String user;
    private final List<String> scopes;
    private final Clock clock;

    public JwtBearerTokens(ServiceAccountKey key, String user, List<String> scopes, Clock clock) {
        super(clock);
        this.key = key;
        this.user = user;
        this.scopes = List.copyOf(scopes);
        this.clock = clock;
    }

    @Override
    protected Fetched fetch() throws ConnectorException {
        JWTBearerGrant grant = new JWTBearerGrant(key.assertion(user, scopes, clock.instant()));
        return TokenEndpoint.send(new TokenRequest.Builder(key.tokenUri(), grant).build(), "a token for " + user
                + " with " + key, clock);
    }

    @Override
    public String describe() {
        return key + " signing in as " + user;
    }
}
