package org.mailmigrator.ui.internal.editor;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.mailmigrator.auth.LoopbackSignIn;
import org.mailmigrator.auth.MicrosoftSignIn;
import org.mailmigrator.core.model.Secret;

/**
 * The authorization server of "Sign in with the provider in the browser": Google's endpoints unless the
 * properties below name others, and this installation's OAuth2 client, which the administrator registers with the
 * provider (a "desktop app" client) and passes to the workbench, e.g. in {@code mailmigrator.ini} after
 * {@code -vmargs}: {@code -Dmailmigrator.oauth.clientId=…}. No client is built in.
 * <p>
 * "Microsoft 365 sign-in in the browser" has its own registration (Entra ID, "Mobile and desktop applications",
 * redirect URI {@code http://localhost}, public client): {@code -Dmailmigrator.microsoft.clientId=…}; the tenant comes
 * from the account's form, the endpoints from {@link MicrosoftSignIn} under {@link MicrosoftSignIn#AUTHORITY} (or
 * {@code -Dmailmigrator.microsoft.authority=…} for a national cloud).
 */
final class SignInProviders {
    static final String CLIENT_ID = "mailmigrator.oauth.clientId";
    static final String CLIENT_SECRET = "mailmigrator.oauth.clientSecret";
    static final String AUTHORIZATION = "mailmigrator.oauth.authorizationEndpoint";
    static final String TOKEN = "mailmigrator.oauth.tokenEndpoint";
    static final String SCOPES = "mailmigrator.oauth.scopes";
    static final String MISSING = "No OAuth2 client is set up for this workbench: start it with -D" + CLIENT_ID
            + "=YOUR_CLIENT_ID (and -D" + CLIENT_SECRET + " when the provider gave one), see docs/sign-in.md.";

    static final String MICROSOFT_CLIENT_ID = "mailmigrator.microsoft.clientId";
    static final String MICROSOFT_AUTHORITY = "mailmigrator.microsoft.authority";
    static final String MICROSOFT_MISSING = "No Microsoft 365 application is set up for this workbench: register one in "
            + "Entra ID (Mobile and desktop applications, redirect URI http://localhost) and start the workbench with -D"
            + MICROSOFT_CLIENT_ID + "=ITS_APPLICATION_ID, see docs/microsoft365.md.";

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

    /**
     * The tenant's authorization code + PKCE sign-in for mail over IMAP ({@link MicrosoftSignIn#IMAP_SCOPE}, with
     * {@code openid offline_access}); empty without a client id.
     *
     * @throws IllegalArgumentException naming the tenant when it is not a tenant id, a domain or {@code organizations}
     */
    static Optional<LoopbackSignIn.Provider> microsoft(String tenant) {
        String client = System.getProperty(MICROSOFT_CLIENT_ID, "").trim();
        if (client.isEmpty()) {
            return Optional.empty();
        }
        URI authority = URI.create(System.getProperty(MICROSOFT_AUTHORITY, MicrosoftSignIn.AUTHORITY.toString()).trim());
        return Optional.of(MicrosoftSignIn.loopback(authority, tenant, client, null, List.of(MicrosoftSignIn.IMAP_SCOPE)));
    }
}
