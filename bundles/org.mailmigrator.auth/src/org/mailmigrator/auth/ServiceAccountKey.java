package org.mailmigrator.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.mailmigrator.auth.internal.Pem;
import org.mailmigrator.core.model.Secret;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import net.minidev.json.parser.JSONParser;
import net.minidev.json.parser.ParseException;

/**
 * A Google service account's JSON key file ({@code "type": "service_account"}): the account's e-mail (the JWT's
 * issuer), its private key and key id, and the {@code token_uri} to send JWT-bearer grants to (honoured, so a
 * test authorization server or another provider can stand in for Google). With domain-wide delegation one key
 * signs in as every mailbox of the domain. {@link #toString()} shows the account, never the key.
 */
public final class ServiceAccountKey {
    /** Google's token endpoint, used when a key names none. */
    public static final URI GOOGLE_TOKEN_URI = URI.create("https://oauth2.googleapis.com/token");
    private final String clientEmail;
    private final String privateKeyId;
    private final URI tokenUri;
    private final RSAPrivateKey privateKey;

    private ServiceAccountKey(String clientEmail, String privateKeyId, URI tokenUri, RSAPrivateKey privateKey) {
        this.clientEmail = clientEmail;
        this.privateKeyId = privateKeyId;
        this.tokenUri = tokenUri;
        this.privateKey = privateKey;
    }

    /** Whether {@code json} looks like a service account key (its {@code type}); no error for other text. */
    public static boolean isKey(Secret json) {
        return "service_account".equals(JsonSecrets.type(json));
    }

    /**
     * @param where names the key in messages ("--source-service-account key.json", "row 3, source_service_account")
     * @throws IllegalArgumentException saying which field is missing or wrong, never quoting the key
     */
    public static ServiceAccountKey parse(Secret json, String where) {
        Map<String, Object> o = JsonSecrets.object(json, where);
        String email = JsonSecrets.field(o, "client_email", where);
        String pem = JsonSecrets.field(o, "private_key", where);
        Object kid = o.get("private_key_id");
        Object uri = o.get("token_uri");
        URI token;
        try {
            token = uri instanceof String s && !s.isBlank() ? new URI(s) : GOOGLE_TOKEN_URI;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + ": token_uri is not a URL");
        }
        return new ServiceAccountKey(email, kid instanceof String s ? s : null, token, Pem.rsaPrivateKey(pem, where));
    }

    public String clientEmail() {
        return clientEmail;
    }

    public URI tokenUri() {
        return tokenUri;
    }

    /** The key id put in the JWT header, when the key file has one. */
    public String privateKeyId() {
        return privateKeyId;
    }

    /**
     * The signed JWT that asks for a token as {@code subject} (the mailbox, with domain-wide delegation): issuer
     * the service account, audience the token URI, the scopes in the {@code scope} claim, valid one hour.
     */
    public SignedJWT assertion(String subject, List<String> scopes, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientEmail).subject(subject)
                .audience(tokenUri.toString()).claim("scope", String.join(" ", scopes)).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(privateKeyId).build(), claims);
        try {
            jwt.sign(new RSASSASigner(privateKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the key of " + this + ": " + e.getMessage(), e);
        }
        return jwt;
    }

    @Override
    public String toString() {
        return "service account " + clientEmail;
    }

    /** The JSON field readers shared by the key files; never put a field's value in a message. */
    static final class JsonSecrets {
        private JsonSecrets() {
        }

        static String type(Secret json) {
            try {
                Object t = parse(json).get("type");
                return t instanceof String s ? s : null;
            } catch (ParseException e) {
                return null;
            }
        }

        static Map<String, Object> object(Secret json, String where) {
            try {
                return parse(json);
            } catch (ParseException e) {
                throw new IllegalArgumentException(where + " is not a JSON key file (it cannot be read as JSON)");
            }
        }

        /** json-smart (the Nimbus SDK's own JSON library); a document that is not an object is a parse error. */
        private static Map<String, Object> parse(Secret json) throws ParseException {
            Object o = new JSONParser(JSONParser.MODE_RFC4627).parse(new String(json.reveal()));
            if (!(o instanceof net.minidev.json.JSONObject m)) {
                throw new ParseException(0, ParseException.ERROR_UNEXPECTED_TOKEN, "not an object");
            }
            return m;
        }

        static String field(Map<String, Object> o, String name, String where) {
            Object v = o.get(name);
            if (!(v instanceof String s) || s.isBlank()) {
                throw new IllegalArgumentException(where + " has no " + name);
            }
            return s;
        }
    }
}
