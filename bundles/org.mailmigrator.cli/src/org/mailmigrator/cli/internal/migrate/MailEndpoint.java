package org.mailmigrator.cli.internal.migrate;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.core.connector.Addressing;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.connector.SettingType;
import org.mailmigrator.core.connector.UrlScheme;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Role;

/**
 * One side of {@code migrate}'s mail path: a URL of a scheme that an installed connector declares for mail
 * ({@code imaps://LOGIN@HOST[:PORT]}, {@code imap://...}, {@code ews+https://LOGIN@HOST/EWS/Exchange.asmx}, or a
 * third party's), read by that connector's descriptor: the command line knows no scheme itself. A login
 * containing '@' is written {@code %40}. {@code toString()} never contains a password. A source may also be a
 * local path of a path-valued connector ({@link FileSource}: {@code PATH}, {@code mbox:PATH}...).
 *
 * @param urlScheme null for a bare path (the connector recognises its format)
 * @param url null for a path
 * @param host the URL's host as written (names the state store, as before connectors declared their schemes);
 *            null for a path
 * @param path the absolute local path of a path-valued source, else null
 */
record MailEndpoint(ConnectorDescriptor connector, UrlScheme urlScheme, URI url, String login, String host, Path path) {

    static MailEndpoint source(ConnectorRegistry registry, String text, boolean allowPlaintext) {
        return FileSource.parse(registry, text).orElseGet(() -> parse(registry, "--source", text, Role.SOURCE, allowPlaintext));
    }

    static MailEndpoint target(ConnectorRegistry registry, String text, boolean allowPlaintext) {
        return parse(registry, "--target", text, Role.DESTINATION, allowPlaintext);
    }

    /** @throws IllegalArgumentException naming the option, in the words {@code migrate} prints */
    static MailEndpoint parse(ConnectorRegistry registry, String option, String text, Role role, boolean allowPlaintext) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a URL: " + e.getReason());
        }
        if (Addressing.holdsPassword(uri)) { // first, so that no message quotes the password
            throw new IllegalArgumentException(option + ": do not put the password in the URL; use " + option
                    + "-password-file or the environment variable");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        List<ConnectorDescriptor> mail = registry.connectors().stream()
                .filter(c -> c.roles().contains(role) && c.kinds().contains(ItemKind.MAIL)).toList();
        ConnectorDescriptor connector = mail.stream().filter(c -> c.addressing().scheme(scheme)
                .filter(s -> s.kinds().contains(ItemKind.MAIL)).isPresent()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(option + " '" + text + "' must start with " + accepted(mail)));
        UrlScheme declared = connector.addressing().scheme(scheme).orElseThrow();
        try {
            connector.parse(uri, false); // checks login and host
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " '" + text + "' " + e.getMessage(), e);
        }
        if (declared.plaintext() && !allowPlaintext) { // ews+http: the password without TLS, only when asked
            String prefix = scheme.substring(0, scheme.lastIndexOf('+') + 1);
            String secure = connector.schemes().stream().filter(s -> !s.plaintext() && s.name().startsWith(prefix))
                    .map(s -> s.name() + "://").findFirst().orElse("a scheme with TLS");
            throw new IllegalArgumentException(option + " '" + text + "': use " + secure + " (" + scheme
                    + ":// only with --allow-plaintext)");
        }
        return new MailEndpoint(connector, declared, uri, URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8),
                uri.getHost(), null);
    }

    /** "imaps:// (TLS) or imap:// (STARTTLS)": the schemes with TLS that the given connectors answer for mail. */
    private static String accepted(List<ConnectorDescriptor> connectors) {
        List<String> shown = connectors.stream().filter(c -> !c.addressing().pathValued()).flatMap(c -> c.schemes().stream())
                .filter(s -> !s.plaintext() && s.kinds().contains(ItemKind.MAIL)).map(UrlScheme::shown).toList();
        if (shown.size() < 2) {
            return shown.isEmpty() ? "a URL scheme of an installed mail connector (none is installed)" : shown.get(0);
        }
        return String.join(", ", shown.subList(0, shown.size() - 1)) + " or " + shown.get(shown.size() - 1);
    }

    String connectorId() {
        return connector.id();
    }

    /** The URL's scheme; for a path, its forcing scheme or the connector's id ({@code files}). */
    String scheme() {
        return urlScheme == null ? connector.id() : urlScheme.name();
    }

    /** Whether the account signs in with a secret (a path source of a connector without secret settings does not). */
    boolean needsSecret() {
        return path == null || connector.settings().stream().anyMatch(s -> s.type() == SettingType.SECRET);
    }

    /** {@code alice@host}, or the path's file name: the readable part of the state store's name. */
    String label() {
        if (path == null) {
            return login + "@" + host;
        }
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }

    /** The connector account; the TLS pinning options go to connectors that declare those settings. */
    Account account(boolean allowPlaintext, String trustSha256, Path trustStore) {
        Account parsed = path != null ? connector.addressing().atPath(connector.id(), Optional.ofNullable(urlScheme),
                path.toString()) : connector.parse(url, allowPlaintext);
        Map<String, String> s = new HashMap<>(parsed.settings());
        if (trustSha256 != null && !trustSha256.isBlank() && connector.setting("trustSha256").isPresent()) {
            s.put("trustSha256", trustSha256);
        }
        if (trustStore != null && connector.setting("trustStore").isPresent()) {
            s.put("trustStore", trustStore.toAbsolutePath().toString());
        }
        return new Account(parsed.connectorId(), s, parsed.credential());
    }

    /**
     * The account with the setting named by {@code option} ({@code --compress}: setting {@code compress}) set to
     * {@code value}, when given and when this side's connector declares that setting; a value the setting refuses
     * names the option.
     */
    Account declared(Account a, String option, String value) {
        String setting = option.substring(2);
        if (value == null || connector.setting(setting).isEmpty()) {
            return a;
        }
        connector.setting(setting).flatMap(d -> d.validate(value)).ifPresent(why -> {
            throw new IllegalArgumentException(option + ": " + why);
        });
        return a.withSetting(setting, value);
    }

    /**
     * For messages, reports and the state store's name: {@code imaps://alice@host:993} (the port said even when
     * the URL has none) or {@code ews+https://alice@host/EWS/Exchange.asmx}; never contains a password.
     */
    @Override
    public String toString() {
        if (path != null) {
            return scheme() + ":" + path;
        }
        Account a = connector.parse(url, false);
        String where = connector.addressing().endpoint().flatMap(e -> a.setting(e.id())).orElse(host);
        if (where.contains("://")) {
            return urlScheme.name() + "://" + login + "@" + where.substring(where.indexOf("://") + 3);
        }
        return urlScheme.name() + "://" + login + "@" + where
                + connector.addressing().port().flatMap(p -> a.setting(p.id())).map(p -> ":" + p).orElse("");
    }
}
