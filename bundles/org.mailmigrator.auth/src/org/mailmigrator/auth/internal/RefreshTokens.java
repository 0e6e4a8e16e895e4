package org.mailmigrator.auth.internal;

import java.net.URI;
import java.time.Clock;

import org.mailmigrator.auth.TokenHome;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;

import net.minidev.json.JSONObject;
import net.minidev.json.parser.JSONParser;

/**
 * Access tokens from a refresh token (RFC 6749 section 6), for accounts that signed in interactively once. A
 * rotated refresh token replaces the old one in memory, and in its home when it came from one ({@link #keptIn}: a
 * token file, a batch row's sealed credential) before the new access token is used; a public client (no secret)
 * sends only its client_id.
 */
public final class RefreshTokens extends CachedTokens {
    private final URI endpoint;
    private final String clientId;
    private final Secret clientSecret;
    private final String user;
    private final Clock clock;
    private Secret refreshToken;
    private TokenHome home;

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
    public RefreshTokens keptIn(TokenHome home) {
        this.home = home;
        return this;
    }

    /** Starts with an access token already obtained (the authorization code flow's): no request until it expires. */
    public RefreshTokens startingWith(Fetched first) {
        seed(first);
        return this;
    }

    @Override
    protected synchronized Fetched fetch() throws ConnectorException {
        Fetched f = home == null ? send(refreshToken) : exchangeKept();
        f.refreshToken().ifPresent(r -> refreshToken = r);
        return f;
    }

    /**
     * Reads the token from its home, exchanges it, writes back the one the endpoint rotated it into, under its lock (and
     * its lock across processes: one refresh per credential in the whole fleet).
     */
    private Fetched exchangeKept() throws ConnectorException {
        synchronized (home.lock()) {
            try (TokenHome.Hold across = home.acrossProcesses()) {
                return exchange(home);
            }
        }
    }

    private Fetched exchange(TokenHome home) throws ConnectorException {
        JSONObject json = json(home.read());
        Object token = json.get("refresh_token");
        if (!(token instanceof String current) || current.isBlank()) {
            throw new ConnectorException.AccountFailure(home + " has no refresh_token any more", Reason.CONFIGURATION,
                    null);
        }
        Fetched f = send(Secret.of(current));
        if (f.refreshToken().isPresent() && !new String(f.refreshToken().get().reveal()).equals(current)) {
            json.put("refresh_token", new String(f.refreshToken().get().reveal()));
            home.write(Secret.of(json.toJSONString()));
        }
        return f;
    }

    private JSONObject json(Secret text) throws ConnectorException.AccountFailure {
        try {
            if (new JSONParser(JSONParser.MODE_RFC4627).parse(new String(text.reveal())) instanceof JSONObject j) {
                return j;
            }
        } catch (net.minidev.json.parser.ParseException e) {
            // fall through: the message must not quote the secret
        }
        throw new ConnectorException.AccountFailure(home + " is no longer an authorized user JSON (it cannot be read as a"
                + " JSON object)", Reason.CONFIGURATION, null);
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
