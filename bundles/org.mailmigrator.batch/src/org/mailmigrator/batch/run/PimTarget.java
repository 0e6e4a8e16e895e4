package org.mailmigrator.batch.run;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import java.util.EnumSet;
import java.util.Locale;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.mailmigrator.batch.PimLeg;
import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.connector.UrlScheme;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.ItemKind;

/**
 * A calendar/contacts target: {@code caldav+https://LOGIN@HOST/PATH/}, {@code carddav+https://...} or
 * {@code ews+https://LOGIN@HOST/EWS/Exchange.asmx} or {@code graph+https://UPN@graph.microsoft.com/v1.0} (Microsoft
 * 365 calendars, contacts and To Do tasks through Microsoft Graph): the protocol, then the server URL with the login in it,
 * never the password. One spelling for {@code migrate --target} and a batch row's {@code calendar.target} /
 * {@code contacts.target} column; {@code ews+} is also a mail target of {@code migrate} when the source is IMAP.
 * {@code toString()} never holds a password. This record reads the spelling only (for the messages of a CSV
 * column or an option); what the target is (its connector, account settings, item kinds, host) comes from the
 * connector that declares its URL scheme ({@code connectors.exsd}), as {@code migrate}'s mail URLs do.
 */
public record PimTarget(String protocol, String login, URI url) {

    /** Whether a text starts like a target ({@code caldav+}, {@code carddav+}, {@code ews+}). */
    public static boolean looksLikeOne(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return t.startsWith("caldav+") || t.startsWith("carddav+") || t.startsWith("ews+") || t.startsWith("graph+");
    }

    /**
     * A batch column's target for a leg of {@code kind}: its protocol must be that of a URL scheme an installed
     * connector declares for the leg's items ({@code caldav+https} for calendars, {@code carddav+https} for contacts,
     * {@code ews+https} for both, a third party's...); http:// is taken here (the run's plaintext setting decides later,
     * in the connector).
     *
     * @param installed the installed connectors, whose declared schemes say which protocols a target may have
     * @throws IllegalArgumentException with a reason fit for "line L, column C (NAME): reason"
     */
    public static PimTarget parse(String text, PimLeg.Kind kind, List<ConnectorDescriptor> installed) {
        Set<ItemKind> wanted = kinds(kind);
        Set<String> schemes = new TreeSet<>();
        Set<String> protocols = new TreeSet<>();
        Set<String> shown = new TreeSet<>();
        for (ConnectorDescriptor c : installed) {
            for (UrlScheme s : c.schemes()) {
                Set<ItemKind> takes = s.kinds().isEmpty() ? c.kinds() : s.kinds();
                if (s.name().contains("+") && takes.stream().anyMatch(wanted::contains)) {
                    schemes.add(s.name());
                    protocols.add(s.name().substring(0, s.name().lastIndexOf('+')));
                    if (!s.plaintext()) {
                        shown.add(s.name() + "://");
                    }
                }
            }
        }
        List<String> list = List.copyOf(shown);
        String starts = list.isEmpty() ? "the URL scheme of an installed " + kind.id() + " connector (none is installed)"
                : list.size() == 1 ? list.get(0)
                        : String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.get(list.size() - 1);
        PimTarget t = parse(text, new Spelling("", "the " + kind.id() + ".password column", protocols, starts, true));
        if (!schemes.contains(t.scheme())) { // web+https for contacts only, web+http for both: the scheme decides
            throw new IllegalArgumentException("'" + text.trim() + "' must start with " + starts);
        }
        return t;
    }

    /**
     * {@code migrate --target}: any of the three protocols; http:// only with {@code --allow-plaintext}.
     *
     * @throws IllegalArgumentException with a message that names {@code --target}
     */
    public static PimTarget parse(String text, boolean allowPlaintext) {
        return parse(text, new Spelling("--target", "--target-password-file or MAILMIGRATOR_TARGET_PASSWORD",
                Set.of("caldav", "carddav", "ews", "graph"), "caldav+https://, carddav+https://, ews+https:// or graph+https://",
                allowPlaintext));
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

    /** The URL scheme a connector declares for this target: {@code caldav+https}, {@code ews+http}... */
    public String scheme() {
        return protocol + "+" + url.getScheme().toLowerCase(Locale.ROOT);
    }

    /** The item kinds a leg sends: a calendar leg events and tasks, a contacts leg contacts. */
    public static Set<ItemKind> kinds(PimLeg.Kind kind) {
        return kind == PimLeg.Kind.CALENDAR ? Set.of(ItemKind.CALENDAR, ItemKind.TASKS) : Set.of(ItemKind.CONTACTS);
    }

    /**
     * The connector that declares this target's scheme and the scheme's declaration.
     *
     * @throws IllegalArgumentException when no installed connector declares it
     */
    public Declared declared(ConnectorFactory connectors) {
        ConnectorDescriptor c = connectors.forScheme(scheme()).orElseThrow(() -> new IllegalArgumentException(
                "no installed connector takes " + scheme() + ":// URLs (" + this + ")"));
        return new Declared(c, c.addressing().scheme(scheme()).orElseThrow());
    }

    /**
     * A target's connector and the scheme it declares: the account a URL makes ({@code create=true} for a DAV
     * collection, {@code allowPlaintext=true} when allowed, as the declaration says) and the item kinds it takes.
     */
    public record Declared(ConnectorDescriptor connector, UrlScheme scheme) {
        /** What the target takes: the calendar, task and contact kinds its scheme carries. */
        public Set<ItemKind> kinds() {
            Set<ItemKind> k = EnumSet.noneOf(ItemKind.class);
            k.addAll(scheme.kinds().isEmpty() ? connector.kinds() : scheme.kinds());
            k.retainAll(EnumSet.of(ItemKind.CALENDAR, ItemKind.TASKS, ItemKind.CONTACTS));
            return Set.copyOf(k);
        }
    }

    /**
     * The destination account, made by the connector that declares the target's scheme; http:// works only when
     * the run allows plaintext (the connector checks).
     *
     * @param credential the stored password's reference; null: {@code LOGIN@HOST} (a password given on the command line)
     * @throws IllegalArgumentException when no installed connector declares the scheme
     */
    public Account account(ConnectorFactory connectors, boolean allowPlaintext, CredentialRef credential) {
        String user = URLEncoder.encode(login, StandardCharsets.UTF_8).replace("+", "%20");
        URI written = URI.create(scheme() + "://" + user + "@" + url.getRawAuthority().replaceFirst("^.*@", "")
                + url.getRawPath());
        Account parsed = declared(connectors).connector().parse(written, allowPlaintext);
        return credential == null ? parsed : new Account(parsed.connectorId(), parsed.settings(), credential);
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
