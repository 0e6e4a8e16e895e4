package org.mailmigrator.connector.graph.internal;

import java.net.URI;
import java.util.Locale;

import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;
import org.mailmigrator.core.spi.SignIn;

/**
 * A Graph account: the service root ({@code https://graph.microsoft.com/v1.0}), the mailbox's UPN, what a source
 * reads, the To Do list of a destination, the longest Retry-After waited, the token source and the file where a
 * source keeps its delta links ({@code syncState}).
 */
public record GraphSettings(URI root, String user, String read, String todoList, long maxRetryAfterSeconds,
        SignIn.TokenSource tokens, java.util.Optional<java.nio.file.Path> syncState) {

    public static GraphSettings of(Account account, ConnectContext context) throws ConnectorException.AccountFailure {
        String url = account.setting("url").filter(s -> !s.isBlank()).orElse("https://graph.microsoft.com/v1.0");
        URI root = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        String scheme = String.valueOf(root.getScheme()).toLowerCase(Locale.ROOT);
        boolean plain = account.setting("allowPlaintext").map(Boolean::parseBoolean).orElse(false);
        if (!scheme.equals("https") && !(scheme.equals("http") && plain)) {
            throw new ConnectorException.AccountFailure("the Graph URL " + url + " must be https:// (http:// only with "
                    + "allowPlaintext, for tests)", Reason.CONFIGURATION, null);
        }
        String user = account.setting("login").filter(s -> !s.isBlank()).orElseThrow(() -> new ConnectorException.AccountFailure(
                "a Graph account needs the mailbox's user principal name as its login", Reason.CONFIGURATION, null));
        SignIn signIn = context.signIn().orElse(null);
        if (!(signIn instanceof SignIn.Bearer bearer)) {
            throw new ConnectorException.AccountFailure("Microsoft Graph signs in with OAuth2 only: give " + user
                    + " a client credentials JSON (tenant, client_id, client_secret) or an access token with auth=xoauth2",
                    Reason.AUTHENTICATION, null);
        }
        long wait = account.setting("maxRetryAfter").map(Long::parseLong).orElse(300L);
        return new GraphSettings(root, user, account.setting("read").orElse("all"), account.setting("todoList").orElse(""),
                wait, bearer.tokens(), account.setting("syncState").filter(s -> !s.isBlank()).map(java.nio.file.Path::of));
    }

    /** {@code ROOT/users/UPN} with the UPN escaped for a path segment. */
    public String userPath() {
        return root + "/users/" + GraphHttp.segment(user);
    }
}
