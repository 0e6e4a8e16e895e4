package org.mailmigrator.ui.internal.editor;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.mailmigrator.auth.LoopbackSignIn;
import org.mailmigrator.core.model.Secret;

/**
 * The authorization server of "Sign in with the provider in the browser": Google's endpoints unless the
 * properties below name others, and this installation's OAuth2 client, which the administrator registers with the
 * provider (a "desktop app" client) and passes to the workbench, e.g. in {@code mailmigrator.ini} after
 * {@code -vmargs}: {@code -Dmailmigrator.oauth.clientId=…}. No client is built in.
 */
final class SignInProviders {
    static final String CLIENT_ID = "mailmigrator.oauth.clientId";
    static final String CLIENT_SECRET = "mailmigrator.oauth.clientSecret";
    static final String AUTHORIZATION = "mailmigrator.oauth.authorizationEndpoint";
    static final String TOKEN = "mailmigrator.oauth.tokenEndpoint";
    static final String SCOPES = "mailmigrator.oauth.scopes";
    static final String MISSING = "No OAuth2 client is set up for this workbench: start it with -D" + CLIENT_ID
            + "=YOUR_CLIENT_ID (and -D" + CLIENT_SECRET + " when the provider gave one), see docs/sign-in.md.";

    private SignInProviders() {
    }

    /** The provider as configured now; empty without a client id. */
    static Optional<LoopbackSignIn.Provider> provider() {
        String client = System.getProperty(CLIENT_ID, "").trim();
        if (client.isEmpty()) {
            return Optional.empty();
        }
        String secret = System.getProperty(CLIENT_SECRET, "").trim();
        List<String> scopes = List.of(System.getProperty(SCOPES, "https://mail.google.com/").trim().split("\\s+"));
        return Optional.of(new LoopbackSignIn.Provider(
                URI.create(System.getProperty(AUTHORIZATION, "https://accounts.google.com/o/oauth2/v2/auth")),
                URI.create(System.getProperty(TOKEN, "https://oauth2.googleapis.com/token")), client,
                secret.isEmpty() ? null : Secret.of(secret), scopes));
    }
}
