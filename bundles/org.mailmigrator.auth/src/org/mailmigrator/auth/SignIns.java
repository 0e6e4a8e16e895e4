package org.mailmigrator.auth;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.auth.internal.FixedToken;
import org.mailmigrator.auth.internal.JwtBearerTokens;
import org.mailmigrator.auth.internal.RefreshTokenFile;
import org.mailmigrator.auth.internal.RefreshTokens;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.SignIn;

/**
 * Turns an account's {@value #AUTH} setting and its secret (sealed like a password) into a {@link SignIn}:
 * <ul>
 * <li>{@code password} (or no setting): the secret is the password, as before;</li>
 * <li>{@code xoauth2} / {@code oauthbearer}: the secret is one of
 * <ul>
 * <li>a service account JSON key ({@code "type": "service_account"}): JWT-bearer grants as the account's login;</li>
 * <li>an authorized user JSON ({@code "type": "authorized_user"}: client_id, client_secret, refresh_token,
 * token_uri): refresh-token grants;</li>
 * <li>an application's app-only credentials ({@code "type": "client_credentials"}, Microsoft 365:
 * {@link ClientCredentials}): client credentials grants, one token for every mailbox;</li>
 * <li>anything else: an access token used as is.</li>
 * </ul></li>
 * </ul>
 * The scopes asked for are {@value #SCOPES}'s, else {@link #GOOGLE_SCOPES}.
 */
public final class SignIns {
    /** The account setting that says how it signs in: password, xoauth2 or oauthbearer. */
    public static final String AUTH = "auth";
    /**
     * Optional account setting: the authorized user JSON file the secret was read from ({@code --source-token-file});
     * a refresh token the provider rotates is written back there (docs/sign-in.md).
     */
    public static final String TOKEN_FILE = "oauthTokenFile";
    /** Optional account setting: the OAuth2 scopes, separated by spaces. */
    public static final String SCOPES = "oauthScopes";
    /** Gmail IMAP/SMTP, Google Calendar (CalDAV) and Contacts (CardDAV). */
    public static final List<String> GOOGLE_SCOPES = List.of("https://mail.google.com/",
            "https://www.googleapis.com/auth/calendar", "https://www.googleapis.com/auth/carddav");

    private SignIns() {
    }

    /**
     * @param where names the secret in messages ("--source-service-account key.json", "row 4 of users.csv")
     * @throws IllegalArgumentException for an unknown {@value #AUTH} value or a key file that cannot be used
     */
    public static Optional<SignIn> of(Map<String, String> settings, String login, Secret secret, String where) {
        return of(settings, login, secret, where, Optional.empty());
    }

    /**
     * The same, with the place the secret is kept ({@code home}: a batch row's sealed credential): a refresh token
     * the provider rotates is written back there before use. Without one, the {@value #TOKEN_FILE} setting names it.
     */
    public static Optional<SignIn> of(Map<String, String> settings, String login, Secret secret, String where,
            Optional<TokenHome> home) {
        Optional<SignIn.Mechanism> mechanism = mechanism(settings.get(AUTH));
        if (mechanism.isEmpty()) {
            return Optional.ofNullable(secret).map(SignIn.Password::new);
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("no OAuth2 token or key given for " + login);
        }
        List<String> scopes = Optional.ofNullable(settings.get(SCOPES)).filter(s -> !s.isBlank())
                .map(s -> Arrays.asList(s.trim().split("\\s+"))).orElse(GOOGLE_SCOPES);
        SignIn.TokenSource tokens = tokens(secret, login, scopes, where, Clock.systemUTC());
        String file = settings.get(TOKEN_FILE);
        if (tokens instanceof RefreshTokens r) {
            home.or(() -> Optional.ofNullable(file).filter(f -> !f.isBlank())
                    .map(f -> new RefreshTokenFile(java.nio.file.Path.of(f)))).ifPresent(r::keptIn);
        }
        return Optional.of(new SignIn.Bearer(mechanism.get(), tokens));
    }

    /** {@code password} (or nothing) gives empty; {@code xoauth2}/{@code oauthbearer} their mechanism. */
    public static Optional<SignIn.Mechanism> mechanism(String auth) {
        if (auth == null || auth.isBlank() || auth.equalsIgnoreCase("password")) {
            return Optional.empty();
        }
        return switch (auth.trim().toLowerCase(Locale.ROOT)) {
            case "xoauth2" -> Optional.of(SignIn.Mechanism.XOAUTH2);
            case "oauthbearer" -> Optional.of(SignIn.Mechanism.OAUTHBEARER);
            default -> throw new IllegalArgumentException("sign-in '" + auth + "' is not password, xoauth2 or oauthbearer");
        };
    }

    /** Whether the secret is an authorized user JSON (a refresh token with its client), which the provider may rotate. */
    public static boolean isRefreshToken(Secret secret) {
        return secret != null && "authorized_user".equals(ServiceAccountKey.JsonSecrets.type(secret));
    }

    /** The token source a secret stands for (see the class comment). */
    public static SignIn.TokenSource tokens(Secret secret, String login, List<String> scopes, String where, Clock clock) {
        if (ClientCredentials.is(secret)) {
            return ClientCredentials.tokens(secret, scopes, where, clock);
        }
        if (ServiceAccountKey.isKey(secret)) {
            return new JwtBearerTokens(ServiceAccountKey.parse(secret, where), login, scopes, clock);
        }
        if (isRefreshToken(secret)) {
            Map<String, Object> o = ServiceAccountKey.JsonSecrets.object(secret, where);
            Object uri = o.get("token_uri");
            Object clientSecret = o.get("client_secret");
            return new RefreshTokens(uri instanceof String s ? URI.create(s) : ServiceAccountKey.GOOGLE_TOKEN_URI,
                    ServiceAccountKey.JsonSecrets.field(o, "client_id", where),
                    clientSecret instanceof String s ? Secret.of(s) : null,
                    Secret.of(ServiceAccountKey.JsonSecrets.field(o, "refresh_token", where)), login, clock);
        }
        String token = new String(secret.reveal()).strip();
        if (token.isEmpty() || token.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException(where + " is not an access token (one line without spaces), a service "
                    + "account key or an authorized user JSON");
        }
        return new FixedToken(Secret.of(token), where);
    }
}
