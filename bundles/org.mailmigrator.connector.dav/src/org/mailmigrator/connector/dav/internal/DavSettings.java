package org.mailmigrator.connector.dav.internal;

import java.net.URI;
import java.util.Optional;

import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorException;

/** The dav connector's settings, checked once: an http URL needs allowPlaintext, a password is required. */
public record DavSettings(URI url, String login, Secret password, Optional<String> collection, boolean create) {

    public static DavSettings of(Account account, ConnectContext context) throws ConnectorException.AccountFailure {
        String text = account.setting("url").orElseThrow(() -> fail("the setting 'url' is required"));
        URI url;
        try {
            url = URI.create(text.endsWith("/") ? text : text + "/");
        } catch (IllegalArgumentException e) {
            throw fail("'" + text + "' is not a URL: " + e.getMessage());
        }
        String scheme = String.valueOf(url.getScheme()).toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || url.getHost() == null) {
            throw fail("'" + text + "' must be an https:// URL with a host");
        }
        if (scheme.equals("http") && !Boolean.parseBoolean(account.setting("allowPlaintext").orElse("false"))) {
            throw fail("'" + text + "' would send the password without TLS; use https:// or allow plaintext explicitly");
        }
        String login = account.setting("login").filter(s -> !s.isBlank()).orElseThrow(() -> fail("the setting 'login' is required"));
        Secret password = context.credential().filter(s -> !s.isEmpty())
                .orElseThrow(() -> fail("no password for " + login + " at " + url.getHost()));
        return new DavSettings(url, login, password, account.setting("collection").filter(s -> !s.isBlank()),
                Boolean.parseBoolean(account.setting("create").orElse("false")));
    }

    private static ConnectorException.AccountFailure fail(String message) {
        return new ConnectorException.AccountFailure("dav: " + message, null);
    }
}
