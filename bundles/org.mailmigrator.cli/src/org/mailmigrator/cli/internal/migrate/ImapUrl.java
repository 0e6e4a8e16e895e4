package org.mailmigrator.cli.internal.migrate;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;

/**
 * {@code imaps://alice@imap.example.org[:993]} (implicit TLS) or {@code imap://alice@host[:143]} (STARTTLS,
 * or plaintext when explicitly allowed). A login containing '@' is written {@code %40}.
 */
record ImapUrl(String scheme, String login, String host, int port) implements MailEndpoint {

    static ImapUrl parse(String option, String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("imap") && !scheme.equals("imaps")) {
            throw new IllegalArgumentException(option + " '" + text + "' must start with imaps:// (TLS) or imap:// (STARTTLS)");
        }
        String rawUser = uri.getRawUserInfo();
        if (rawUser == null || rawUser.isBlank() || uri.getHost() == null) {
            throw new IllegalArgumentException(option + " '" + text + "' needs a login and a host: "
                    + scheme + "://LOGIN@HOST[:PORT] (write '@' in a login as %40)");
        }
        if (rawUser.contains(":")) {
            throw new IllegalArgumentException(option + ": do not put the password in the URL; use "
                    + option + "-password-file or the environment variable");
        }
        String login = URLDecoder.decode(rawUser, StandardCharsets.UTF_8);
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("imaps") ? 993 : 143;
        return new ImapUrl(scheme, login, uri.getHost(), port);
    }

    @Override
    public Account account(boolean allowPlaintext, String trustSha256, java.nio.file.Path trustStore) {
        Map<String, String> s = new HashMap<>();
        s.put("host", host);
        s.put("port", String.valueOf(port));
        s.put("login", login);
        s.put("security", scheme.equals("imaps") ? "tls" : allowPlaintext ? "plain" : "starttls");
        if (trustSha256 != null && !trustSha256.isBlank()) {
            s.put("trustSha256", trustSha256);
        }
        if (trustStore != null) {
            s.put("trustStore", trustStore.toAbsolutePath().toString());
        }
        return new Account("imap", s, new CredentialRef(login + "@" + host));
    }

    /** For messages and reports: never contains a password. */
    @Override
    public String toString() {
        return scheme + "://" + login + "@" + host + ":" + port;
    }
}
