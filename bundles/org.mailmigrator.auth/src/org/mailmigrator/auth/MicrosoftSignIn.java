package org.mailmigrator.auth;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.mailmigrator.core.model.Secret;

/**
 * Delegated sign-in to Microsoft 365 (Microsoft identity platform v2.0, learn.microsoft.com/entra/identity-platform/
 * v2-oauth2-auth-code-flow and v2-oauth2-device-code): the tenant's endpoints {@code AUTHORITY/TENANT/oauth2/v2.0/
 * authorize}, {@code .../token} and {@code .../devicecode} for {@link LoopbackSignIn} (authorization code + PKCE, the
 * redirect on a loopback port: a "Mobile and desktop applications" registration with {@code http://localhost}) and
 * {@link DeviceSignIn}; the scopes asked always include {@code openid} and {@code offline_access} (without which
 * Microsoft gives no refresh token). The tenant is its id or domain, or {@code organizations} for any work account. The sign-in is the person's
 * own: a delegated Graph token reaches that person's mailbox ({@code /users/UPN/...} with the signed-in UPN).
 */
public final class MicrosoftSignIn {
    /** The global cloud's authority; national clouds have their own. */
    public static final URI AUTHORITY = URI.create("https://login.microsoftonline.com");
    /** Mail over IMAP as the signed-in person (delegated; the app-only one is {@code IMAP.AccessAsApp}). */
    public static final String IMAP_SCOPE = "https://outlook.office365.com/IMAP.AccessAsUser.All";
    /** Calendars, contacts and To Do tasks through Graph as the signed-in person. */
    public static final List<String> GRAPH_SCOPES = List.of("https://graph.microsoft.com/Calendars.ReadWrite",
            "https://graph.microsoft.com/Contacts.ReadWrite", "https://graph.microsoft.com/Tasks.ReadWrite");
    static final String OFFLINE = "offline_access";
    static final String OPENID = "openid";

    private MicrosoftSignIn() {
    }

    /** {@code AUTHORITY/TENANT/oauth2/v2.0/ENDPOINT}. */
    public static URI endpoint(URI authority, String tenant, String endpoint) {
        String base = authority.toString().endsWith("/") ? authority.toString() : authority + "/";
        if (tenant == null || tenant.isBlank() || !tenant.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("the Microsoft tenant '" + tenant + "' is not a tenant id, a domain or "
                    + "'organizations'");
        }
        return URI.create(base + tenant.trim() + "/oauth2/v2.0/" + endpoint);
    }

    /**
     * The authorization code + PKCE sign-in of {@code tenant} for {@link LoopbackSignIn#signIn}.
     *
     * @param clientSecret null for a public client (the usual desktop registration)
     */
    public static LoopbackSignIn.Provider loopback(URI authority, String tenant, String clientId, Secret clientSecret,
            List<String> scopes) {
        return new LoopbackSignIn.Provider(endpoint(authority, tenant, "authorize"), endpoint(authority, tenant, "token"),
                clientId, clientSecret, withOffline(scopes));
    }

    /** The device code sign-in of {@code tenant} for {@link DeviceSignIn#signIn} (its authorization endpoint is the device one). */
    public static LoopbackSignIn.Provider device(URI authority, String tenant, String clientId, List<String> scopes) {
        return new LoopbackSignIn.Provider(endpoint(authority, tenant, "devicecode"), endpoint(authority, tenant, "token"),
                clientId, null, withOffline(scopes));
    }

    /** {@code openid offline_access} first, as Microsoft's own examples ask, then the resource scopes. */
    private static List<String> withOffline(List<String> scopes) {
        List<String> all = new ArrayList<>(List.of(OPENID, OFFLINE));
        scopes.stream().filter(x -> !all.contains(x)).forEach(all::add);
        return all;
    }
}
