package org.mailmigrator.auth;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.mailmigrator.auth.internal.Fetched;
import org.mailmigrator.auth.internal.RefreshTokens;
import org.mailmigrator.auth.internal.TokenEndpoint;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.id.ClientID;

/**
 * Sign-in on a console (OAuth 2.0 Device Authorization Grant, RFC 8628): the device authorization endpoint gives a
 * user code and a verification URL, which the person opens on any device with a browser; meanwhile the token endpoint
 * is polled at the interval it asked for ({@code authorization_pending}: again; {@code slow_down}: 5 s more from
 * then on; {@code expired_token} or {@code access_denied}: a clear failure), until the lifetime of the code ends.
 * The provider must allow it for the scopes asked (Microsoft does for IMAP/SMTP; Google's device flow refuses the
 * Gmail, Calendar and CardDAV scopes). The device code and the tokens are never shown; the user code is meant to be.
 */
public final class DeviceSignIn {
    /** RFC 8628 §3.2: the interval when the endpoint names none. */
    private static final long DEFAULT_INTERVAL_SECONDS = 5;

    /** Shows the person where to go and what to type. */
    @FunctionalInterface
    public interface Prompt {
        void show(URI verificationUri, String userCode, Optional<URI> complete, Duration validFor);
    }

    /** Waits between two polls (a test may count the waits; the command line sleeps). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private DeviceSignIn() {
    }

    /**
     * @param provider its {@code authorizationEndpoint} is the device authorization endpoint
     * @param user names the account in messages
     */
    public static LoopbackSignIn.Authorized signIn(LoopbackSignIn.Provider provider, String user, Prompt prompt, Sleeper sleeper,
            Clock clock) throws ConnectorException {
        ClientID client = new ClientID(provider.clientId());
        ClientAuthentication auth = provider.clientSecret() == null || provider.clientSecret().isEmpty() ? null
                : new ClientSecretPost(client, new com.nimbusds.oauth2.sdk.auth.Secret(new String(provider.clientSecret().reveal())));
        DeviceAuthorizationRequest.Builder b = auth == null ? new DeviceAuthorizationRequest.Builder(client)
                : new DeviceAuthorizationRequest.Builder(auth);
        DeviceAuthorizationSuccessResponse code = authorize(b.endpointURI(provider.authorizationEndpoint())
                .scope(new Scope(provider.scopes().toArray(String[]::new))).build(), provider.authorizationEndpoint());
        Duration life = Duration.ofSeconds(code.getLifetime());
        prompt.show(code.getVerificationURI(), code.getUserCode().getValue(), Optional.ofNullable(code.getVerificationURIComplete()),
                life);
        Instant end = clock.instant().plus(life);
        long interval = code.getInterval() > 0 ? code.getInterval() : DEFAULT_INTERVAL_SECONDS;
        String what = "the device sign-in of " + user;
        DeviceCodeGrant grant = new DeviceCodeGrant(code.getDeviceCode());
        while (true) {
            try {
                sleeper.sleep(Duration.ofSeconds(interval));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorException.AccountFailure(what + " was interrupted", Reason.AUTHENTICATION, e);
            }
            TokenRequest request = auth == null ? new TokenRequest.Builder(provider.tokenEndpoint(), client, grant).build()
                    : new TokenRequest.Builder(provider.tokenEndpoint(), auth, grant).build();
            TokenResponse answer = TokenEndpoint.exchange(request, what);
            if (answer.indicatesSuccess()) {
                Fetched first = TokenEndpoint.fetched(answer.toSuccessResponse(), clock);
                Secret refresh = first.refreshToken().orElseThrow(() -> new ConnectorException.AccountFailure(provider
                        .tokenEndpoint() + " gave no refresh token for " + what + " (ask for offline access, e.g. the scope"
                        + " offline_access): later runs could not sign in without you", Reason.CONFIGURATION, null));
                RefreshTokens tokens = new RefreshTokens(provider.tokenEndpoint(), provider.clientId(), provider.clientSecret(),
                        refresh, user, clock).startingWith(first);
                return new LoopbackSignIn.Authorized(provider, user, tokens, tokens);
            }
            ErrorObject error = answer.toErrorResponse().getErrorObject();
            String c = error.getCode() == null ? "" : error.getCode();
            switch (c) {
                case "authorization_pending" -> {
                    // not approved yet: ask again after the interval
                }
                case "slow_down" -> interval += 5; // RFC 8628 §3.5
                case "expired_token" -> throw new ConnectorException.AccountFailure("the code " + code.getUserCode().getValue()
                        + " expired before the sign-in was approved at " + code.getVerificationURI() + ": run again for a new"
                        + " code", Reason.AUTHENTICATION, null);
                case "access_denied" -> throw new ConnectorException.AccountFailure("the sign-in at " + code.getVerificationURI()
                        + " was refused for " + user, Reason.AUTHENTICATION, null);
                default -> throw new ConnectorException.AccountFailure("the token endpoint " + provider.tokenEndpoint()
                        + " refused " + what + ": " + TokenEndpoint.describe(error), Reason.AUTHENTICATION, null);
            }
            if (!clock.instant().isBefore(end)) {
                throw new ConnectorException.AccountFailure("the code " + code.getUserCode().getValue() + " expired ("
                        + life.toMinutes() + " min) before the sign-in was approved at " + code.getVerificationURI()
                        + ": run again for a new code", Reason.AUTHENTICATION, null);
            }
        }
    }

    /**
     * An OAuth client registered for the device flow, as a JSON file: {@code client_id}, optional {@code client_secret},
     * {@code device_authorization_endpoint} and {@code token_endpoint} (RFC 8414's names), {@code scope} (separated by
     * spaces, e.g. {@code https://outlook.office.com/IMAP.AccessAsUser.All offline_access}).
     *
     * @throws IllegalArgumentException naming the missing field, never quoting the file
     */
    public static LoopbackSignIn.Provider client(Secret json, String where) {
        var o = ServiceAccountKey.JsonSecrets.object(json, where);
        Object secret = o.get("client_secret");
        try {
            return new LoopbackSignIn.Provider(URI.create(ServiceAccountKey.JsonSecrets.field(o, "device_authorization_endpoint",
                    where)), URI.create(ServiceAccountKey.JsonSecrets.field(o, "token_endpoint", where)),
                    ServiceAccountKey.JsonSecrets.field(o, "client_id", where), secret instanceof String v ? Secret.of(v) : null,
                    java.util.List.of(ServiceAccountKey.JsonSecrets.field(o, "scope", where).trim().split("\\s+")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(where) ? e.getMessage() : where
                    + " names an endpoint that is not a URL");
        }
    }

    /**
     * Keeps a sign-in in {@code file} (which must not exist) as an authorized user JSON, owner-only and written
     * atomically: a later run reads it as a token file, and a refresh token the provider rotates is written back there.
     */
    public static void keep(LoopbackSignIn.Authorized signedIn, java.nio.file.Path file) throws ConnectorException.AccountFailure {
        new org.mailmigrator.auth.internal.RefreshTokenFile(file).create(signedIn.sealable());
    }

    private static DeviceAuthorizationSuccessResponse authorize(DeviceAuthorizationRequest request, URI endpoint)
            throws ConnectorException {
        var http = request.toHTTPRequest();
        http.setConnectTimeout(30_000);
        http.setReadTimeout(30_000);
        DeviceAuthorizationResponse r;
        try {
            r = DeviceAuthorizationResponse.parse(http.send());
        } catch (IOException e) {
            throw new ConnectorException.AccountFailure("cannot reach the device authorization endpoint " + endpoint + ": "
                    + e.getMessage(), Reason.CONNECTION, e);
        } catch (ParseException e) {
            throw new ConnectorException.AccountFailure("the device authorization endpoint " + endpoint + " gave an answer that"
                    + " is not RFC 8628's: " + e.getMessage(), Reason.CONFIGURATION, e);
        }
        if (!r.indicatesSuccess()) {
            throw new ConnectorException.AccountFailure("the device authorization endpoint " + endpoint + " refused: "
                    + TokenEndpoint.describe(r.toErrorResponse().getErrorObject()), Reason.AUTHENTICATION, null);
        }
        return r.toSuccessResponse();
    }
}
