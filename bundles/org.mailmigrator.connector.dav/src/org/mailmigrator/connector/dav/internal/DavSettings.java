package org.mailmigrator.connector.dav.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.mailmigrator.connector.dav.DavAuthorization;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.SignIn;

/**
 * The dav connector's settings, checked once: an http URL needs allowPlaintext, a secret is required (a password,
 * or with {@code auth=bearer} an OAuth2 access token). A source also reads {@code read} (calendars, contacts or both)
 * and {@code syncState} (the file where what was read is remembered for the next run).
 */
public record DavSettings(URI url, String login, Secret password, Optional<String> collection, boolean create,
        boolean bearer, boolean calendars, boolean contacts, Optional<Path> syncState,
        Optional<SignIn.TokenSource> tokens) {

    public static DavSettings of(Account account, ConnectContext context) throws ConnectorException.AccountFailure {
        String text = account.setting("url").orElseThrow(() -> fail("the setting 'url' is required"));
        URI url;
        try {
            url = URI.create(text.endsWith("/") ? text : text + "/");
        } catch (IllegalArgumentException e) {
            throw fail("'" + text + "' is not a URL: " + e.getMessage());
        }
        String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || url.getHost() == null) {
            throw fail("'" + text + "' must be an https:// URL with a host");
        }
        if (scheme.equals("http") && !Boolean.parseBoolean(account.setting("allowPlaintext").orElse("false"))) {
            throw fail("'" + text + "' would send the password without TLS; use https:// or allow plaintext explicitly");
        }
        String auth = account.setting("auth").map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .orElse("password");
        if (!auth.equals("password") && !auth.equals("bearer")) {
            throw fail("the setting 'auth' is '" + auth + "'; use password or bearer");
        }
        boolean bearer = auth.equals("bearer");
        String login = account.setting("login").filter(s -> !s.isBlank()).orElseThrow(() -> fail("the setting 'login' is required"));
        // the row's OAuth2 sign-in (a service account key, a refresh token...): a token per request, no password
        Optional<SignIn.TokenSource> tokens = context.signIn().filter(SignIn.Bearer.class::isInstance)
                .map(b -> ((SignIn.Bearer) b).tokens());
        Secret password = tokens.isPresent() ? Secret.of("") : context.credential().filter(s -> !s.isEmpty())
                .orElseThrow(() -> fail("no " + (bearer ? "access token" : "password") + " for " + login + " at " + url.getHost()));
        String read = account.setting("read").map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).orElse("all");
        if (!read.equals("all") && !read.equals("calendars") && !read.equals("contacts")) {
            throw fail("the setting 'read' is '" + read + "'; use all, calendars or contacts");
        }
        return new DavSettings(url, login, password, account.setting("collection").filter(s -> !s.isBlank()),
                Boolean.parseBoolean(account.setting("create").orElse("false")), bearer, !read.equals("contacts"),
                !read.equals("calendars"), account.setting("syncState").filter(s -> !s.isBlank()).map(Path::of), tokens);
    }

    /** The Authorization header of every request. */
    public DavAuthorization authorization() {
        if (tokens.isPresent()) {
            return DavAuthorization.bearer(tokens.get());
        }
        return bearer ? DavAuthorization.bearer(password) : DavAuthorization.basic(login, password);
    }

    private static ConnectorException.AccountFailure fail(String message) {
        return new ConnectorException.AccountFailure("dav: " + message, null);
    }
}
