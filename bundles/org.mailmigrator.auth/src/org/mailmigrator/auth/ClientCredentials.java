package org.mailmigrator.auth;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.mailmigrator.auth.internal.ClientCredentialsTokens;
import org.mailmigrator.auth.internal.Pem;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.SignIn;

/**
 * An application's app-only credentials, as a JSON secret ({@code "type": "client_credentials"}): {@code tenant}
 * (id or domain), {@code client_id}, and {@code client_secret} or a certificate ({@code private_key}, PKCS#8 PEM, with
 * {@code certificate_thumbprint}, the hex SHA-1 the Entra admin center shows); {@code token_uri} is optional
 * (default: {@code https://login.microsoftonline.com/TENANT/oauth2/v2.0/token}). docs/microsoft365.md.
 */
public final class ClientCredentials {
    /** Exchange Online's IMAP/POP/SMTP resource: what the mail side asks for. */
    public static final String EXCHANGE_SCOPE = "https://outlook.office365.com/.default";
    /** Microsoft Graph: what calendar, contact and task legs ask for. */
    public static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

    private ClientCredentials() {
    }

    public static boolean is(Secret json) {
        return "client_credentials".equals(ServiceAccountKey.JsonSecrets.type(json));
    }

    /**
     * @param scopes the resource's {@code /.default}; Google's default scopes (a setting left empty) mean Exchange
     * @throws IllegalArgumentException naming the missing field, never quoting a secret
     */
    public static SignIn.TokenSource tokens(Secret json, List<String> scopes, String where, Clock clock) {
        Map<String, Object> o = ServiceAccountKey.JsonSecrets.object(json, where);
        String clientId = ServiceAccountKey.JsonSecrets.field(o, "client_id", where);
        Object uri = o.get("token_uri");
        URI endpoint = uri instanceof String s && !s.isBlank() ? URI.create(s)
                : MicrosoftSignIn.endpoint(MicrosoftSignIn.AUTHORITY, ServiceAccountKey.JsonSecrets.field(o, "tenant", where), "token");
        List<String> asked = scopes.isEmpty() || scopes.equals(SignIns.GOOGLE_SCOPES) ? List.of(EXCHANGE_SCOPE) : scopes;
        if (o.get("private_key") instanceof String pem && !pem.isBlank()) {
            Object thumbprint = o.get("certificate_thumbprint");
            return new ClientCredentialsTokens(endpoint, clientId, null, Pem.rsaPrivateKey(pem, where),
                    thumbprint instanceof String t ? t : null, asked, clock);
        }
        return new ClientCredentialsTokens(endpoint, clientId, Secret.of(ServiceAccountKey.JsonSecrets.field(o,
                "client_secret", where + " (or private_key and certificate_thumbprint)")), null, null, asked, clock);
    }
}
