package org.mailmigrator.batch;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.connector.SettingType;
import org.mailmigrator.core.model.Account;

/**
 * How an account is named in tables, reports and mails: login@host, never a secret. A row with only
 * calendar/contacts legs names its source by file name and its target by login@host of its URL.
 * {@link #account(Account, ConnectorFactory)} asks the account's connector which settings are its login and its
 * endpoint (a host or a URL, {@code connectors.exsd}); {@link #account(Account)}, for callers without the
 * connectors at hand, reads the setting names the built-in connectors use ({@code login}, {@code host},
 * {@code url}, {@code path}).
 */
public final class Labels {
    private Labels() {
    }

    /** The label as the account's connector declares its login and endpoint; else as {@link #account(Account)}. */
    public static String account(Account a, ConnectorFactory connectors) {
        Optional<ConnectorDescriptor> d = connectors.descriptor(a.connectorId());
        Optional<String> host = d.flatMap(c -> c.addressing().endpoint()).flatMap(e -> a.setting(e.id()))
                .map(String::trim).filter(v -> !v.isEmpty())
                .map(v -> d.get().addressing().endpoint().get().type() == SettingType.URL ? urlHost(v) : v);
        Optional<String> login = d.flatMap(c -> c.login(a));
        if (host.isPresent() && login.isPresent()) {
            return login.get() + "@" + host.get();
        }
        return account(a);
    }

    /** The label from the setting names of the built-in connectors. */
    public static String account(Account a) {
        if (a.setting("host").isEmpty() && a.setting("path").isPresent()) {
            Path file = Path.of(a.setting("path").get()).getFileName();
            return file == null ? a.setting("path").get() : file.toString();
        }
        if (a.setting("host").isEmpty() && a.setting("url").isPresent()) {
            return a.setting("login").orElse("?") + "@" + urlHost(a.setting("url").get());
        }
        return a.setting("login").orElse("?") + "@" + a.setting("host").orElse("?");
    }

    /** The host of a URL as written, "?" when it has none. */
    private static String urlHost(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "?" : host;
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }
}
