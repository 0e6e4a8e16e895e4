package org.mailmigrator.cli.internal.pim;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.ItemKind;

/**
 * {@code caldav+https://LOGIN@HOST/PATH/}, {@code carddav+https://...} or {@code ews+https://LOGIN@HOST/EWS/Exchange.asmx}:
 * the protocol, then the server URL with the login in it (never the password). {@code ews+} is also a mail target
 * of {@code migrate} when the source is an IMAP URL.
 */
public record PimTarget(String protocol, String login, URI url) {

    public static boolean looksLikeOne(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return t.startsWith("caldav+") || t.startsWith("carddav+") || t.startsWith("ews+");
    }

    public static PimTarget parse(String text, boolean allowPlaintext) {
        int plus = text.indexOf('+');
        if (!looksLikeOne(text)) {
            throw new IllegalArgumentException("--target '" + text + "' must start with caldav+https://, carddav+https:// or ews+https://");
        }
        String protocol = text.substring(0, plus).trim().toLowerCase(Locale.ROOT);
        URI uri;
        try {
            uri = new URI(text.substring(plus + 1).trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--target '" + text + "' is not a URL: " + e.getReason());
        }
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowPlaintext)) {
            throw new IllegalArgumentException("--target '" + text + "': use https:// (http:// only with --allow-plaintext)");
        }
        if (uri.getRawUserInfo() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("--target '" + text + "' needs a login and a host: " + protocol
                    + "+https://LOGIN@HOST/PATH (write '@' in a login as %40)");
        }
        if (uri.getRawUserInfo().contains(":")) {
            throw new IllegalArgumentException("--target: do not put the password in the URL; use --target-password-file"
                    + " or MAILMIGRATOR_TARGET_PASSWORD");
        }
        String login = URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
        URI server = URI.create(scheme + "://" + uri.getRawAuthority().substring(uri.getRawAuthority().indexOf('@') + 1)
                + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath()));
        return new PimTarget(protocol, login, server);
    }

    String connectorId() {
        return protocol.equals("ews") ? "ews" : "dav";
    }

    Set<ItemKind> kinds() {
        return switch (protocol) {
            case "caldav" -> Set.of(ItemKind.CALENDAR, ItemKind.TASKS);
            case "carddav" -> Set.of(ItemKind.CONTACTS);
            default -> Set.of(ItemKind.CALENDAR, ItemKind.TASKS, ItemKind.CONTACTS);
        };
    }

    public Account account(boolean allowPlaintext) {
        Map<String, String> s = new HashMap<>();
        s.put("url", url.toString());
        s.put("login", login);
        s.put("create", "true");
        s.put("allowPlaintext", String.valueOf(allowPlaintext));
        return new Account(connectorId(), s, new CredentialRef(login + "@" + url.getHost()));
    }

    @Override
    public String toString() {
        return protocol + "+" + url.getScheme() + "://" + login + "@" + url.getRawAuthority().replaceFirst("^.*@", "") + url.getRawPath();
    }
}
