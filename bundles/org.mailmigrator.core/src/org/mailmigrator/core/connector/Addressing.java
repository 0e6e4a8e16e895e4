package org.mailmigrator.core.connector;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;

/**
 * Where a connector's accounts live and who logs in, as its declaration says: the endpoint setting (a
 * {@link SettingType#HOST host} or a {@link SettingType#URL URL}), the login setting, the port setting (the
 * first of type port) and the URL schemes it answers. Everything that addresses an account from outside the
 * connector (the per-host limit, labels, the command line's URLs) asks here instead of reading "host" or
 * "login" itself. An endpoint of type {@link SettingType#FILE file} is a local path ({@link #pathValued()}): its
 * schemes are written {@code SCHEME:PATH} ({@code mbox:/home/me/Inbox}) and need no login.
 */
public record Addressing(Optional<SettingDescriptor> endpoint, Optional<SettingDescriptor> login,
        Optional<SettingDescriptor> port, List<UrlScheme> schemes) {

    /** A connector that declares no endpoint, no login and no scheme (file sources). */
    public static final Addressing NONE = new Addressing(Optional.empty(), Optional.empty(), Optional.empty(), List.of());

    public Addressing {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(port, "port");
        schemes = List.copyOf(schemes);
    }

    /**
     * The host the account connects to, lower-case: the host setting's value, or the host of the URL setting.
     * Empty when the connector has no endpoint or the account does not fill it (or its URL has no host).
     */
    public Optional<String> endpointHost(Account account) {
        return endpoint.filter(e -> e.type() != SettingType.FILE).flatMap(e -> account.setting(e.id()).map(String::trim).filter(v -> !v.isEmpty())
                .flatMap(v -> e.type() == SettingType.URL ? urlHost(v) : Optional.of(v)))
                .map(h -> h.toLowerCase(Locale.ROOT));
    }

    /** The account's login, when the connector declares one and the account fills it. */
    public Optional<String> login(Account account) {
        return login.flatMap(l -> account.setting(l.id())).filter(v -> !v.isBlank());
    }

    public Optional<UrlScheme> scheme(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return schemes.stream().filter(s -> s.name().equals(n)).findFirst();
    }

    /**
     * The settings a URL of one of the schemes says: endpoint, port (host endpoints), login and the scheme's
     * settings ({@code allowPlaintext}: those for plaintext). Whether a plaintext scheme is allowed at all is
     * the caller's question ({@link UrlScheme#plaintext()}); the connector checks again when it opens.
     *
     * @throws IllegalArgumentException with a reason that follows the quoted URL ("needs a login and a host:
     *             imaps://LOGIN@HOST[:PORT] ..."), except for a URL {@linkplain #holdsPassword holding a password},
     *             which callers refuse first with words of their own so that no message quotes it
     */
    public Account parse(String connectorId, URI uri, boolean allowPlaintext) {
        UrlScheme scheme = scheme(String.valueOf(uri.getScheme()))
                .orElseThrow(() -> new IllegalArgumentException("is not a URL of connector '" + connectorId + "'"));
        SettingDescriptor where = endpoint.orElseThrow();
        if (where.type() == SettingType.FILE) { // mbox:/home/me/Inbox
            return atPath(connectorId, Optional.of(scheme), uri.getSchemeSpecificPart());
        }
        boolean url = where.type() == SettingType.URL;
        String raw = uri.getRawUserInfo();
        if (holdsPassword(uri)) {
            throw new IllegalArgumentException("do not put the password in the URL");
        }
        if (raw == null || raw.isBlank() || uri.getHost() == null) {
            throw new IllegalArgumentException("needs a login and a host: " + scheme.name()
                    + (url ? "://LOGIN@HOST/PATH" : "://LOGIN@HOST[:PORT]") + " (write '@' in a login as %40)");
        }
        String user = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        Map<String, String> s = new HashMap<>(scheme.settings());
        if (allowPlaintext) {
            s.putAll(scheme.whenPlaintextAllowed());
        }
        if (url) {
            String authority = uri.getRawAuthority().substring(uri.getRawAuthority().indexOf('@') + 1);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            s.put(where.id(), scheme.transport() + "://" + authority + path);
        } else {
            s.put(where.id(), uri.getHost());
            int p = uri.getPort() > 0 ? uri.getPort() : scheme.port().orElse(-1);
            if (p > 0) {
                port.ifPresent(d -> s.put(d.id(), String.valueOf(p)));
            }
        }
        login.ifPresent(l -> s.put(l.id(), user));
        return new Account(connectorId, s, new CredentialRef(user + "@" + uri.getHost()));
    }

    /** Whether the endpoint is a local file or folder (a setting of type file): no host, no login. */
    public boolean pathValued() {
        return endpoint.filter(e -> e.type() == SettingType.FILE).isPresent();
    }

    /**
     * The account of a local path for a {@link #pathValued() path-valued} connector: the endpoint setting is the
     * path, plus the settings of {@code scheme} when given ({@code mbox:PATH} sets {@code format=mbox}); no
     * credential. Whether the path holds what the connector reads is the connector's question when it opens.
     */
    public Account atPath(String connectorId, Optional<UrlScheme> scheme, String path) {
        SettingDescriptor where = endpoint.filter(e -> e.type() == SettingType.FILE)
                .orElseThrow(() -> new IllegalArgumentException("connector '" + connectorId + "' does not read a path"));
        Map<String, String> s = new HashMap<>(scheme.map(UrlScheme::settings).orElse(Map.of()));
        s.put(where.id(), path);
        return new Account(connectorId, s, null);
    }

    /** Whether the URL carries a password ({@code LOGIN:PASSWORD@HOST}): never quote such a URL. */
    public static boolean holdsPassword(URI uri) {
        return uri.getRawUserInfo() != null && uri.getRawUserInfo().contains(":");
    }

    private static Optional<String> urlHost(String value) {
        try {
            return Optional.ofNullable(URI.create(value).getHost());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
