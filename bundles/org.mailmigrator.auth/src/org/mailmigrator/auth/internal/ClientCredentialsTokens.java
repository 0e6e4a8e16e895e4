package org.mailmigrator.auth.internal;

import java.net.URI;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;

/**
 * App-only tokens (RFC 6749 section 4.4, client credentials), as Microsoft 365 issues them to an application
 * registered in the tenant: the application's client id with its secret, or with a certificate's private key (a
 * signed client assertion, RFC 7523, whose header carries the certificate's SHA-1 thumbprint as {@code x5t}, as
 * Microsoft identity platform requires). One token serves every mailbox the application may open; the scope is a
 * resource's {@code /.default} (Exchange Online's IMAP, Microsoft Graph).
 */
public final class ClientCredentialsTokens extends CachedTokens {
    private final URI endpoint;
    private final String clientId;
    private final Secret clientSecret;
    private final RSAPrivateKey key;
    private final String thumbprintHex;
    private final List<String> scopes;
    private final Clock clock;

    public ClientCredentialsTokens(URI endpoint, String clientId, Secret clientSecret, RSAPrivateKey key,
            String thumbprintHex, List<String> scopes, Clock clock) {
        super(clock);
        this.endpoint = endpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.key = key;
        this.thumbprintHex = thumbprintHex;
        this.scopes = List.copyOf(scopes);
        this.clock = clock;
    }

    @Override
    protected Fetched fetch() throws ConnectorException {
        TokenRequest request = new TokenRequest.Builder(endpoint, authentication(), new ClientCredentialsGrant())
                .scope(new Scope(scopes.toArray(String[]::new))).build();
        return TokenEndpoint.send(request, "an app-only token for client " + clientId, clock);
    }

    private ClientAuthentication authentication() {
        ClientID id = new ClientID(clientId);
        if (key == null) {
            return new ClientSecretPost(id, new com.nimbusds.oauth2.sdk.auth.Secret(new String(clientSecret.reveal())));
        }
        var now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(endpoint.toString())
                .jwtID(UUID.randomUUID().toString()).notBeforeTime(Date.from(now)).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600))).build();
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256);
        if (thumbprintHex != null && !thumbprintHex.isBlank()) {
            @SuppressWarnings("deprecation")
            JWSHeader.Builder withThumbprint = header.x509CertThumbprint(
                    Base64URL.encode(HexFormat.of().parseHex(thumbprintHex.replace(":", "").trim())));
            header = withThumbprint;
        }
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
            return new PrivateKeyJWT(jwt);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the client assertion of client " + clientId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "the app-only sign-in of client " + clientId + (key == null ? " (client secret)" : " (certificate)");
    }
}
