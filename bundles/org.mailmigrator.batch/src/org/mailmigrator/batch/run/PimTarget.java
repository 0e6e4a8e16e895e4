package org.mailmigrator.batch.run;

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
 * A calendar/contacts target: {@code caldav+https://LOGIN@HOST/PATH/}, {@code carddav+https://...} or
 * {@code ews+https://LOGIN@HOST/EWS/Exchange.asmx}: the protocol, then the server URL with the login in it,
 * never the password. One spelling for {@code migrate --target} and a batch row's {@code calendar.target} /
 * {@code contacts.target} column; {@code ews+} is also a mail target of {@code migrate} when the source is IMAP.
 * {@code toString()} never holds a password.
 */
public record PimTarget(String protocol, String login, URI url) {

    /** Whether a text starts like a target ({@code caldav+}, {@code carddav+}, {@code ews+}). */
    public static boolean looksLikeOne(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return t.startsWith("caldav+") || t.startsWith("carddav+") || t.startsWith("ews+");
    }

    /**
     * A batch column's target for a leg of {@code kind}; http:// is taken here (the run's plaintext setting
     * decides later, in the connector).
     *
     * @throws IllegalArgumentException with a reason fit for "line L, column C (NAME): reason"
     */
    public static PimTarget parse(String text, PimLeg.Kind kind) {
        Set<String> allowed = kind == PimLeg.Kind.CALENDAR ? Set.of("caldav", "ews") : Set.of("carddav", "ews");
        String starts = kind == PimLeg.Kind.CALENDAR ? "caldav+https:// or ews+https://" : "carddav+https:// or ews+https://";
        return parse(text, new Spelling("", "the " + kind.id() + ".password column", allowed, starts, true));
    }

    /**
     * {@code migrate --target}: any of the three protocols; http:// only with {@code --allow-plaintext}.
     *
     * @throws IllegalArgumentException with a message that names {@code --target}
     */
    public static PimTarget parse(String text, boolean allowPlaintext) {
        return parse(text, new Spelling("--target", "--target-password-file or MAILMIGRATOR_TARGET_PASSWORD",
                Set.of("caldav", "carddav", "ews"), "caldav+https://, carddav+https:// or ews+https://", allowPlaintext));
    }

    /** Where a target is written: the option or column's name for messages, and what it accepts. */
    private record Spelling(String option, String passwordAdvice, Set<String> protocols, String starts, boolean http) {
        String quote(String text) {
            return (option.isEmpty() ? "" : option + " ") + "'" + text + "'";
        }
    }

    private static PimTarget parse(String text, Spelling how) {
        String t = text.trim();
        if (t.matches("(?s)[^/]*://[^/@]*:[^/@]*@.*")) {
            // checked first, so that no other message quotes a URL holding a password
            throw new IllegalArgumentException((how.option().isEmpty() ? "" : how.option() + ": ")
                    + "do not put the password in the URL; use " + how.passwordAdvice());
        }
        int plus = t.indexOf('+');
        String protocol = plus < 0 ? "" : t.substring(0, plus).toLowerCase(Locale.ROOT);
        if (!how.protocols().contains(protocol)) {
            throw new IllegalArgumentException(how.quote(t) + " must start with " + how.starts());
        }
        URI uri;
        try {
            uri = new URI(t.substring(plus + 1));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(how.quote(t) + " is not a URL: " + e.getReason());
        }
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && how.http())) {
            throw new IllegalArgumentException(how.option().isEmpty()
                    ? how.quote(t) + " must be an https:// URL after '" + protocol + "+'"
                    : how.quote(t) + ": use https:// (http:// only with --allow-plaintext)");
        }
        if (uri.getRawUserInfo() == null || uri.getHost() == null) {
            throw new IllegalArgumentException(how.quote(t) + " needs a login and a host: " + protocol
                    + "+https://LOGIN@HOST/PATH (write '@' in a login as %40)");
        }
        String login = URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
        String authority = uri.getRawAuthority().substring(uri.getRawAuthority().indexOf('@') + 1);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new PimTarget(protocol, login, URI.create(scheme + "://" + authority + path));
    }

    public String connectorId() {
        return protocol.equals("ews") ? "ews" : "dav";
    }

    /** What the target takes: CalDAV events and tasks, CardDAV contacts, Exchange all three. */
    public Set<ItemKind> kinds() {
        return switch (protocol) {
            case "caldav" -> Set.of(ItemKind.CALENDAR, ItemKind.TASKS);
            case "carddav" -> Set.of(ItemKind.CONTACTS);
            default -> Set.of(ItemKind.CALENDAR, ItemKind.TASKS, ItemKind.CONTACTS);
        };
    }

    /** The item kinds a leg sends: a calendar leg events and tasks, a contacts leg contacts. */
    public static Set<ItemKind> kinds(PimLeg.Kind kind) {
        return kind == PimLeg.Kind.CALENDAR ? Set.of(ItemKind.CALENDAR, ItemKind.TASKS) : Set.of(ItemKind.CONTACTS);
    }

    /**
     * The destination account; http:// works only when the run allows plaintext (the connector checks). A DAV
     * target creates its collection when missing.
     */
    public Account account(boolean allowPlaintext, CredentialRef credential) {
        Map<String, String> s = new HashMap<>();
        s.put("url", url.toString());
        s.put("login", login);
        if (connectorId().equals("dav")) {
            s.put("create", "true");
        }
        s.put("allowPlaintext", String.valueOf(allowPlaintext));
        return new Account(connectorId(), s, credential);
    }

    /** The account with the reference {@code LOGIN@HOST} (a password given on the command line). */
    public Account account(boolean allowPlaintext) {
        return account(allowPlaintext, new CredentialRef(login + "@" + url.getHost()));
    }

    public String host() {
        return url.getHost().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return protocol + "+" + url.getScheme() + "://" + login + "@" + url.getRawAuthority().replaceFirst("^.*@", "")
                + url.getRawPath();
    }
}
