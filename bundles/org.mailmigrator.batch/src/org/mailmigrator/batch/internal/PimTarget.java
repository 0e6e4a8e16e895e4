package org.mailmigrator.batch.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.mailmigrator.batch.PimLeg;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.ItemKind;

/**
 * A calendar/contacts target of a batch row: {@code caldav+https://LOGIN@HOST/PATH}, {@code carddav+...} or
 * {@code ews+https://LOGIN@HOST/EWS/Exchange.asmx}, the same spelling as {@code migrate --target}. The
 * password is a column of its own, sealed like the others; a password in the URL is refused so it never
 * reaches the store in clear.
 */
record PimTarget(String protocol, String login, URI url) {

    /** @throws IllegalArgumentException with a reason fit for "line L, column C (NAME): reason" */
    static PimTarget parse(String text, PimLeg.Kind kind) {
        String t = text.trim();
        if (t.matches("(?s)[^/]*://[^/@]*:[^/@]*@.*")) {
            // checked first, so that no other message quotes a URL holding a password
            throw new IllegalArgumentException("do not put the password in the URL; use the " + kind.id() + ".password column");
        }
        int plus = t.indexOf('+');
        String protocol = plus < 0 ? "" : t.substring(0, plus).toLowerCase(Locale.ROOT);
        Set<String> allowed = kind == PimLeg.Kind.CALENDAR ? Set.of("caldav", "ews") : Set.of("carddav", "ews");
        if (!allowed.contains(protocol)) {
            throw new IllegalArgumentException("'" + t + "' must start with "
                    + (kind == PimLeg.Kind.CALENDAR ? "caldav+https:// or ews+https://" : "carddav+https:// or ews+https://"));
        }
        URI uri;
        try {
            uri = new URI(t.substring(plus + 1));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + t + "' is not a URL: " + e.getReason());
        }
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("'" + t + "' must be an https:// URL after '" + protocol + "+'");
        }
        if (uri.getRawUserInfo() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + t + "' needs a login and a host: " + protocol
                    + "+https://LOGIN@HOST/PATH (write '@' in a login as %40)");
        }
        String login = URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
        String authority = uri.getRawAuthority().substring(uri.getRawAuthority().indexOf('@') + 1);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new PimTarget(protocol, login, URI.create(scheme + "://" + authority + path));
    }

    String connectorId() {
        return protocol.equals("ews") ? "ews" : "dav";
    }

    /** The item kinds a leg sends: a calendar leg events and tasks, a contacts leg contacts. */
    static Set<ItemKind> kinds(PimLeg.Kind kind) {
        return kind == PimLeg.Kind.CALENDAR ? Set.of(ItemKind.CALENDAR, ItemKind.TASKS) : Set.of(ItemKind.CONTACTS);
    }

    /** The destination account; http:// works only when the run allows plaintext (the connector checks). */
    Account account(boolean allowPlaintext, CredentialRef credential) {
        Map<String, String> s = new HashMap<>();
        s.put("url", url.toString());
        s.put("login", login);
        if (connectorId().equals("dav")) {
            s.put("create", "true");
        }
        s.put("allowPlaintext", String.valueOf(allowPlaintext));
        return new Account(connectorId(), s, credential);
    }

    String host() {
        return url.getHost().toLowerCase(Locale.ROOT);
    }
}
