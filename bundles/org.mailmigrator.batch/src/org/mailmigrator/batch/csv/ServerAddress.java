package org.mailmigrator.batch.csv;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A server column's value: {@code host}, {@code host:port}, or a URL ({@code imaps://host},
 * {@code imap://host:143}, {@code pop3s://host}, an EWS {@code https://.../EWS/Exchange.asmx}). Gives the
 * connector id and its settings. {@code security} is {@code tls} (implicit), {@code starttls} or, for URLs
 * only, the scheme's; the command line's {@code --allow-plaintext} may turn starttls into plain at run time.
 */
public record ServerAddress(String connectorId, String host, int port, String security, String url) {
    private static final int MAX_LENGTH = 2048;
    private static final java.util.regex.Pattern HOST = java.util.regex.Pattern
            .compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\\.?");

    /**
     * @param protocol the row's declared protocol ({@code imap}, {@code pop3}, {@code ews}) for a bare host
     * @param bareSecurity what a host without port or scheme uses ({@code tls} for OMM, {@code starttls} for imapsync)
     * @throws IllegalArgumentException with the reason, naming the value
     */
    public static ServerAddress parse(String text, String protocol, String bareSecurity) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("the server is empty");
        }
        if (t.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the server is " + t.length() + " characters long; a host name has at "
                    + "most 253 and a URL here at most " + MAX_LENGTH);
        }
        if (t.contains("://")) {
            return url(t);
        }
        if (protocol.equals("ews")) {
            throw new IllegalArgumentException(q(t) + ": an Exchange server needs its EWS URL "
                    + "(https://HOST/EWS/Exchange.asmx)");
        }
        String host = t;
        int port = -1;
        int colon = t.lastIndexOf(':');
        if (colon > 0 && t.indexOf(':') == colon) {
            host = t.substring(0, colon);
            port = port(t.substring(colon + 1), t);
        }
        checkHost(host, t);
        boolean pop = protocol.equals("pop3");
        String security = port < 0 ? bareSecurity : port == 993 || port == 995 ? "tls" : port == 143 || port == 110 ? "starttls" : bareSecurity;
        if (port < 0) {
            port = security.equals("tls") ? (pop ? 995 : 993) : (pop ? 110 : 143);
        }
        return new ServerAddress(pop ? "pop3" : "imap", host, port, security, null);
    }

    private static ServerAddress url(String t) {
        URI uri;
        try {
            uri = new URI(t);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(q(t) + " is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(q(t) + " has no host");
        }
        if (uri.getUserInfo() != null) {
            // the user part may hold a password: never quote it
            throw new IllegalArgumentException("a URL with a login (user@ or user:password@): put the login in its "
                    + "own column, not in the URL");
        }
        int p = uri.getPort();
        if (p == 0 || p > 65535 || p < 0 && t.matches("(?i)[a-z0-9+.-]+://[^/?#]*:\\d+([/?#].*)?")) {
            throw new IllegalArgumentException(q(t) + ": the port is not a number from 1 to 65535");
        }
        checkHost(uri.getHost(), t);
        return switch (scheme) {
            case "imaps" -> new ServerAddress("imap", uri.getHost(), p > 0 ? p : 993, "tls", null);
            case "imap" -> new ServerAddress("imap", uri.getHost(), p > 0 ? p : 143, "starttls", null);
            case "pop3s", "pops" -> new ServerAddress("pop3", uri.getHost(), p > 0 ? p : 995, "tls", null);
            case "pop3", "pop" -> new ServerAddress("pop3", uri.getHost(), p > 0 ? p : 110, "starttls", null);
            case "https", "http" -> new ServerAddress("ews", uri.getHost(), p > 0 ? p : scheme.equals("https") ? 443 : 80,
                    scheme.equals("https") ? "tls" : "plain", t);
            default -> throw new IllegalArgumentException(q(t) + ": unknown scheme " + q(scheme)
                    + "' (expected imaps, imap, pop3s, pop3 or an https EWS URL)");
        };
    }

    private static int port(String text, String whole) {
        try {
            int p = Integer.parseInt(text);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(q(whole) + ": the port " + q(text) + " is not a number from 1 to 65535");
    }

    private static void checkHost(String host, String whole) {
        if (host.length() > 253) {
            throw new IllegalArgumentException("the host name is " + host.length() + " characters long; at most 253");
        }
        if (!HOST.matcher(host).matches() && !(host.startsWith("[") && host.endsWith("]"))) {
            throw new IllegalArgumentException(q(whole) + " is not a host name, host:port or URL");
        }
    }

    private static String q(String value) {
        return org.mailmigrator.batch.internal.Quote.of(value);
    }

    /** The connector settings, login included. */
    public Map<String, String> settings(String login) {
        Map<String, String> s = new HashMap<>();
        s.put("host", host);
        s.put("port", String.valueOf(port));
        s.put("security", security);
        s.put("login", login);
        if (url != null) {
            s.put("url", url);
        }
        return s;
    }

    /** How the export writes it back: a URL keeps everything. */
    public static String format(Map<String, String> settings, String connectorId) {
        if (settings.containsKey("url")) {
            return settings.get("url");
        }
        String scheme = connectorId.equals("pop3") ? "pop3" : "imap";
        boolean tls = "tls".equals(settings.get("security"));
        return scheme + (tls ? "s" : "") + "://" + settings.get("host") + ":" + settings.get("port");
    }
}
