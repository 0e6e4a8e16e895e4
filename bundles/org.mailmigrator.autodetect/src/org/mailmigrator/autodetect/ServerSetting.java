package org.mailmigrator.autodetect;

import java.util.Objects;

/**
 * One server of a detected account. {@code login} is a pattern with Thunderbird's placeholders
 * (%EMAILADDRESS%, %EMAILLOCALPART%, %EMAILDOMAIN%) so one detection serves every address of a domain;
 * {@link #loginFor} fills it in. URL-based services (EWS, CalDAV, CardDAV) carry their URL; host and port are
 * then the URL's.
 */
public record ServerSetting(Protocol protocol, String host, int port, Security security, String login, String url) {
    public static final String ADDRESS = "%EMAILADDRESS%";

    public ServerSetting {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        login = login == null || login.isBlank() ? ADDRESS : login;
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " of " + host + " is out of range");
        }
    }

    public static ServerSetting of(Protocol protocol, String host, int port, Security security) {
        return new ServerSetting(protocol, host, port, security, ADDRESS, null);
    }

    /** The login for one address. */
    public String loginFor(EmailAddress address) {
        return address.expand(login);
    }

    /** The URL for one address (CalDAV URLs may hold the address), or null. */
    public String urlFor(EmailAddress address) {
        return url == null ? null : address.expand(url);
    }

    /** host:port and security, or the URL: how people read a server. */
    public String describe() {
        return url != null ? url : host + ":" + port + " " + security.id();
    }
}
