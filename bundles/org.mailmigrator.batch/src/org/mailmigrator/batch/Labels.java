package org.mailmigrator.batch;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.connector.SettingDescriptor;
import org.mailmigrator.core.connector.SettingType;
import org.mailmigrator.core.model.Account;

/**
 * How an account is named in tables, reports and mails: login@host, never a secret, from what the account's connector
 * declares as its login and its endpoint (a host, a URL or a local path, {@code connectors.exsd}); a file source by
 * its file name. A row with only calendar/contacts legs names its source by file name and its target by login@host
 * of its URL.
 */
public final class Labels {
    private Labels() {
    }

    /**
     * The label as the account's connector declares its login and endpoint: {@code login@host} (a URL's host), the
     * file name of a path, {@code ?} for what the account does not fill; {@code CONNECTOR account} when the factory
     * knows no declaration (a benchmark's {@code id -> new ImapConnector()}).
     */
    public static String account(Account a, ConnectorFactory connectors) {
        Optional<ConnectorDescriptor> d = connectors.descriptor(a.connectorId());
        if (d.isEmpty()) {
            return a.connectorId() + " account";
        }
        // a path-valued endpoint, or (calendar/contacts files declare none) the file setting the account fills
        Optional<SettingDescriptor> endpoint = d.get().addressing().endpoint();
        Optional<String> path = endpoint.isPresent()
                ? endpoint.filter(e -> e.type() == SettingType.FILE).flatMap(e -> value(a, e))
                : d.get().settings().stream().filter(s -> s.type() == SettingType.FILE).map(s -> value(a, s))
                        .flatMap(Optional::stream).findFirst();
        if (path.isPresent()) {
            Path file = Path.of(path.get()).getFileName();
            return file == null ? path.get() : file.toString();
        }
        Optional<String> host = endpoint.flatMap(e -> value(a, e).map(v -> e.type() == SettingType.URL ? urlHost(v) : v));
        return d.get().login(a).orElse("?") + "@" + host.orElse("?");
    }

    private static Optional<String> value(Account a, SettingDescriptor s) {
        return a.setting(s.id()).map(String::trim).filter(v -> !v.isEmpty());
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
