package org.mailmigrator.auth;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.mailmigrator.auth.internal.Fetched;
import org.mailmigrator.auth.internal.LoopbackReceiver;
import org.mailmigrator.auth.internal.RefreshTokens;
import org.mailmigrator.auth.internal.TokenEndpoint;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;
import org.mailmigrator.core.spi.SignIn;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;

/**
 * Interactive sign-in of one account (RFC 8252, native apps): authorization code with PKCE (S256), the
 * redirect received on a loopback port of this machine ({@code http://127.0.0.1:PORT/}). Opening the browser is
 * the caller's: the workbench uses the system browser, the command line prints the address, a test fetches it
 * itself. The result renews its access tokens with the refresh token and can be sealed as an authorized user JSON.
 */
public final class LoopbackSignIn {

    /** An authorization server and this application's registration there. */
    public record Provider(URI authorizationEndpoint, URI tokenEndpoint, String clientId, Secret clientSecret,
            List<String> scopes) {
        public Provider {
            scopes = List.copyOf(scopes);
        }
    }

    /** Shows the sign-in page to the person signing in (system browser, a printed link, a test's HTTP client). */
    @FunctionalInterface
    public interface Browser {
        void open(URI signInPage) throws IOException;
    }

    /** What a finished sign-in holds: renewable tokens for {@code user}. */
    public record Authorized(Provider provider, String user, SignIn.TokenSource tokens, RefreshTokens refreshing) {
        /**
         * The authorized user JSON ({@code "type": "authorized_user"}) to seal as the account's secret: with
         * {@code auth = xoauth2}, {@link SignIns#of} renews tokens from it in later runs.
         */
        public Secret sealable() {
            var o = new net.minidev.json.JSONObject();
            o.put("type", "authorized_user");
            o.put("client_id", provider.clientId());
            if (provider.clientSecret() != null) {
                o.put("client_secret", new String(provider.clientSecret().reveal()));
            }
            o.put("refresh_token", new String(refreshing.refreshToken().reveal()));
            o.put("token_uri", provider.tokenEndpoint().toString());
            return Secret.of(o.toJSONString());
        }

        @Override
        public String toString() {
            return "signed in as " + user + " at " + provider.tokenEndpoint().getHost();
        }
    }

    private LoopbackSignIn() {
    }

    /**
     * Runs the flow: listens on loopback, has {@code browser} open the sign-in page, waits up to {@code timeout}
     * for the redirect, checks its state, exchanges the code with the verifier.
     *
     * @param loginHint the mailbox, passed as {@code login_hint} so that the provider preselects it
     */
    public static Authorized signIn(Provider provider, String loginHint, Browser browser, Duration timeout)
            throws ConnectorException {
        Clock clock = Clock.systemUTC();
        try (LoopbackReceiver receiver = LoopbackReceiver.open()) {
            CodeVerifier verifier = new CodeVerifier();
            State state = new State();
            ClientID client = new ClientID(provider.clientId());
            URI page = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), client)
                    .endpointURI(provider.authorizationEndpoint()).redirectionURI(receiver.redirectUri())
                    .scope(new Scope(provider.scopes().toArray(String[]::new))).state(state)
                    .codeChallenge(verifier, CodeChallengeMethod.S256).customParameter("login_hint", loginHint)
                    .customParameter("access_type", "offline").build().toURI();
            browser.open(page);
            AuthorizationResponse response = AuthorizationResponse.parse(receiver.await(timeout));
            if (!state.equals(response.getState())) {
                throw failure("the sign-in answer did not carry this sign-in's state (another page answered)", null);
            }
            if (!response.indicatesSuccess()) {
                var error = ((AuthorizationErrorResponse) response).getErrorObject();
                throw failure("the provider did not authorize " + loginHint + ": " + error.getCode()
                        + (error.getDescription() == null ? "" : " (" + error.getDescription() + ")"), null);
            }
            AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
            var grant = new AuthorizationCodeGrant(code, receiver.redirectUri(), verifier);
            TokenRequest.Builder request = provider.clientSecret() == null
                    ? new TokenRequest.Builder(provider.tokenEndpoint(), client, grant)
                    : new TokenRequest.Builder(provider.tokenEndpoint(), new ClientSecretPost(client,
                            new com.nimbusds.oauth2.sdk.auth.Secret(new String(provider.clientSecret().reveal()))), grant);
            Fetched first = TokenEndpoint.send(request.build(), "the sign-in of " + loginHint, clock);
            if (first.refreshToken().isEmpty()) {
                throw failure("the provider gave no refresh token for " + loginHint + " (offline access not granted)", null);
            }
            RefreshTokens tokens = new RefreshTokens(provider.tokenEndpoint(), provider.clientId(), provider.clientSecret(),
                    first.refreshToken().get(), loginHint, clock).startingWith(first);
            return new Authorized(provider, loginHint, tokens, tokens);
        } catch (IOException e) {
            throw failure("the sign-in of " + loginHint + " did not finish: " + e.getMessage(), e);
        } catch (ParseException e) {
            throw failure("the sign-in answer for " + loginHint + " is not an OAuth2 authorization response", e);
        }
    }

    private static ConnectorException.AccountFailure failure(String message, Exception cause) {
        return new ConnectorException.AccountFailure(message, Reason.AUTHENTICATION, cause);
    }
}
