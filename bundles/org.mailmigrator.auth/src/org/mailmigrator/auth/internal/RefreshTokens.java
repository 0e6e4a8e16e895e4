package org.mailmigrator.auth.internal;

import java.net.URI;
import java.time.Clock;

import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;

/**
 * Access tokens from a refresh token (RFC 6749 section 6), for accounts that signed in interactively once. A
 * rotated refresh token replaces the old one in memory, and in its file when it came from one ({@link #keptIn}); a
 * public client (no secret) sends only its client_id.
 */
public final class RefreshTokens extends CachedTokens {
    private final URI endpoint;
    private final String clientId;
    private final Secret clientSecret;
    private final String user;
    private final Clock clock;
    private Secret refreshToken;
    private RefreshTokenFile file;

    public RefreshTokens(URI endpoint, String clientId, Secret clientSecret, Secret refreshToken, String user,
            Clock clock) {
        super(clock);
        this.endpoint = endpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
        this.user = user;
        this.clock = clock;
    }

    /** Reads the refresh token from {@code home} at each refresh and writes a rotated one back there. */
    public RefreshTokens keptIn(RefreshTokenFile home) {
        this.file = home;
        return this;
    }

    /** Starts with an access token already obtained (the authorization code flow's): no request until it expires. */
    public RefreshTokens startingWith(Fetched first) {
        seed(first);
        return this;
    }

    @Override
    protected synchronized Fetched fetch() throws ConnectorException {
        Fetched f = file == null ? send(refreshToken) : file.exchange(this::send);
        f.refreshToken().ifPresent(r -> refreshToken = r);
        return f;
    }

    private Fetched send(Secret token) throws ConnectorException {
        var grant = new RefreshTokenGrant(new RefreshToken(new String(token.reveal())));
        TokenRequest.Builder request = clientSecret == null || clientSecret.isEmpty()
                ? new TokenRequest.Builder(endpoint, new ClientID(clientId), grant)
                : new TokenRequest.Builder(endpoint, new ClientSecretPost(new ClientID(clientId),
                        new com.nimbusds.oauth2.sdk.auth.Secret(new String(clientSecret.reveal()))), grant);
        return TokenEndpoint.send(request.build(), "the refresh token of " + user, clock);
    }

    /** The current refresh token (rotated by the endpoint), to seal again after a run. */
    public synchronized Secret refreshToken() {
        return refreshToken;
    }

    @Override
    public String describe() {
        return "the refresh token of " + user + " (client " + clientId + ")";
    }
}
