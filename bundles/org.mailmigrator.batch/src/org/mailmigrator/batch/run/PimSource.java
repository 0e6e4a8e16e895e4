package org.mailmigrator.batch.run;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.mailmigrator.batch.PimLeg;
import org.mailmigrator.core.model.Account;

/**
 * A calendar/contacts leg read straight from the provider: the leg's source is a CalDAV/CardDAV URL
 * ({@code caldav+https://LOGIN@HOST/PATH/}, {@code carddav+https://...}: the account's discovery URL or one collection),
 * or {@code preset} (the CalDAV/CardDAV URL of the provider preset whose hosts match the row's mail source host) or
 * {@code preset:ID} (a preset by id, e.g. {@code preset:gmail}; a self-hosted one such as {@code preset:nextcloud} takes the
 * mail source host for its {@code {host}}). A preset leg signs in with the row's mail source login;
 * every DAV source leg uses the row's mail source password (or token): one person's account, one secret. An Exchange
 * mailbox ({@code ews+https://LOGIN@HOST/EWS/Exchange.asmx}) is a source of either leg too (docs/ews-source.md), and so is a
 * Microsoft 365 mailbox through Microsoft Graph ({@code graph+https://UPN@graph.microsoft.com/v1.0}, docs/microsoft365.md),
 * which signs in with the row's mail source OAuth2 secret (app-only client credentials, asking Graph's scope).
 */
public record PimSource(String text) {
    private static final String PROVIDERS = "org.mailmigrator.autodetect.providers";

    /** Whether a leg's source is read from a DAV server rather than from files. */
    public static boolean isDav(String source) {
        String t = source.trim().toLowerCase(Locale.ROOT);
        return t.startsWith("caldav+") || t.startsWith("carddav+") || t.equals("preset") || t.startsWith("preset:");
    }

    /** Whether a leg's source is an Exchange mailbox ({@code ews+https://LOGIN@HOST/EWS/Exchange.asmx}, docs/ews-source.md). */
    public static boolean isExchange(String source) {
        return source.trim().toLowerCase(Locale.ROOT).startsWith("ews+");
    }

    /** Whether a leg's source is a Microsoft 365 mailbox read through Graph ({@code graph+https://UPN@HOST/v1.0}). */
    public static boolean isGraph(String source) {
        return source.trim().toLowerCase(Locale.ROOT).startsWith("graph+");
    }

    /**
     * Whether a leg's source is an account read over the network (DAV, Exchange or Graph), signing in with the row's
     * mail source secret, rather than files.
     */
    public static boolean isAccount(String source) {
        return isDav(source) || isExchange(source) || isGraph(source);
    }

    /**
     * What is wrong with a DAV source for a leg of {@code kind}, for "line L, column C (NAME): reason"; empty when fine.
     */
    public static Optional<String> problem(String source, PimLeg.Kind kind) {
        String t = source.trim();
        if (t.equalsIgnoreCase("preset") || t.toLowerCase(Locale.ROOT).startsWith("preset:")) {
            return t.length() > "preset:".length() || t.equalsIgnoreCase("preset") ? Optional.empty()
                    : Optional.of("'" + t + "' names no preset: write preset or preset:ID (e.g. preset:gmail)");
        }
        try {
            PimTarget url = PimTarget.parse(t, true);
            String wanted = kind == PimLeg.Kind.CALENDAR ? "caldav" : "carddav";
            return url.protocol().equals(wanted) || url.protocol().equals("ews") || url.protocol().equals("graph") ? Optional.empty()
                    : Optional.of("'" + t + "': a " + kind.id() + " source must start with " + wanted
                            + "+https://, ews+https:// or graph+https://");
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage().replace("--target ", "").replace("--target-password-file or MAILMIGRATOR_TARGET_PASSWORD",
                    "the row's source password"));
        }
    }

    /**
     * The source account of a leg: the URL given, or the preset's; the login of the URL, else of the row's mail source.
     *
     * @param mailSource the row's mail source account (its host finds the preset, its login signs in)
     * @param presets    the provider presets the runner was given (never looked up here)
     * @param syncState  where the connector remembers what it read (sync-tokens, ETags)
     * @throws IllegalArgumentException with a message for the report when no preset fits
     */
    public static Account account(PimLeg leg, Account mailSource, Presets presets, boolean allowPlaintext,
            String syncState) {
        String t = leg.source().trim();
        String protocol = leg.kind() == PimLeg.Kind.CALENDAR ? "caldav" : "carddav";
        String login = mailSource.setting("login").orElse("");
        String url;
        if (isPreset(t)) {
            String id = t.contains(":") ? t.substring(t.indexOf(':') + 1).trim() : null;
            String host = mailSource.setting("host").orElse("");
            url = presetUrl(presets.extensions().orElse(null), id, host, protocol).orElseThrow(() -> new IllegalArgumentException(id != null
                    ? "the preset '" + id + "' has no " + protocol + " server"
                    : "no provider preset with a " + protocol + " server matches the mail host '" + host + "'"))
                    .replace("%EMAILADDRESS%", login).replace("%EMAILLOCALPART%", login.replaceFirst("@.*", ""))
                    .replace("{host}", host);
        } else {
            PimTarget parsed = PimTarget.parse(t, true);
            url = parsed.url().toString();
            login = parsed.login();
            if (parsed.protocol().equals("ews")) {
                return exchange(leg, url, login, mailSource, allowPlaintext, syncState);
            }
            if (parsed.protocol().equals("graph")) { // events and To Do tasks, or contacts, of the mailbox
                return new Account("graph", Map.of("url", url, "login", login, "read", leg.kind() == PimLeg.Kind.CALENDAR
                        ? "calendars" : "contacts", "allowPlaintext", String.valueOf(allowPlaintext), "syncState", syncState),
                        mailSource.credential());
            }
        }
        return new Account("dav", Map.of("url", url, "login", login, "read", leg.kind() == PimLeg.Kind.CALENDAR ? "calendars"
                : "contacts", "allowPlaintext", String.valueOf(allowPlaintext), "syncState", syncState,
                "auth", mailSource.setting("auth").filter(a -> a.equalsIgnoreCase("bearer")).orElse("password")),
                mailSource.credential());
    }

    /**
     * An Exchange mailbox read as a calendar (events and tasks) or contacts source; the row's mail source impersonation
     * ({@code impersonate}) or Full Access ({@code mailbox}, {@code access}) applies when that source is the same Exchange.
     */
    private static Account exchange(PimLeg leg, String url, String login, Account mailSource, boolean allowPlaintext,
            String syncState) {
        java.util.Map<String, String> s = new java.util.HashMap<>(Map.of("url", url, "login", login, "read",
                leg.kind() == PimLeg.Kind.CALENDAR ? "calendars" : "contacts", "allowPlaintext", String.valueOf(allowPlaintext),
                "syncState", syncState));
        if (mailSource.connectorId().equals("ews") && mailSource.setting("url").map(u -> u.equalsIgnoreCase(url)).orElse(false)) {
            mailSource.setting("impersonate").ifPresent(i -> s.put("impersonate", i));
            mailSource.setting("delegation").ifPresent(d -> s.put("delegation", d));
            for (String how : java.util.List.of("mailbox", "access")) { // Full Access delegation (docs/ews-source.md)
                mailSource.setting(how).ifPresent(v -> s.put(how, v));
            }
        }
        return new Account("ews", s, mailSource.credential());
    }

    /**
     * A file leg's source account: {@code SCHEME:PATH} with a scheme a path-valued connector declares that reads the
     * leg's items (an Outlook file: {@code pst:/home/alice/archive.pst}, docs/file-sources.md), else an {@code .ics} or
     * {@code .vcf} file or a folder holding some ({@code ical} / {@code vcard}).
     *
     * @param byScheme the installed connector declaring a scheme ({@code ConnectorFactory.forScheme})
     * @throws IllegalArgumentException naming the source when its connector reads none of the leg's items
     */
    public static Account file(PimLeg leg, java.util.function.Function<String, Optional<org.mailmigrator.core.connector.ConnectorDescriptor>> byScheme) {
        String t = leg.source().trim();
        Optional<org.mailmigrator.core.connector.ConnectorDescriptor> reader = pathReader(t, byScheme);
        if (reader.isEmpty()) {
            return new Account(leg.kind() == PimLeg.Kind.CALENDAR ? "ical" : "vcard", Map.of("path", t), null);
        }
        var c = reader.get();
        if (c.kinds().stream().noneMatch(PimTarget.kinds(leg.kind())::contains)) {
            throw new IllegalArgumentException("'" + t + "': connector '" + c.id() + "' reads no " + leg.kind().id());
        }
        String scheme = t.substring(0, t.indexOf(':'));
        Account a = c.addressing().atPath(c.id(), c.addressing().scheme(scheme), t.substring(t.indexOf(':') + 1));
        if (c.setting("read").isEmpty()) {
            return a;
        }
        // a source of several kinds reads the leg's folders only (as a DAV or Exchange source's "read")
        Map<String, String> s = new java.util.HashMap<>(a.settings());
        s.put("read", leg.kind() == PimLeg.Kind.CALENDAR ? "calendars" : "contacts");
        return new Account(a.connectorId(), s, a.credential());
    }

    /** The path-valued source connector declaring the scheme of {@code SCHEME:PATH}; empty for a bare path or a URL. */
    public static Optional<org.mailmigrator.core.connector.ConnectorDescriptor> pathReader(String source,
            java.util.function.Function<String, Optional<org.mailmigrator.core.connector.ConnectorDescriptor>> byScheme) {
        String t = source.trim();
        int colon = t.indexOf(':');
        if (colon < 2 || t.contains("://")) { // no scheme, or a drive letter
            return Optional.empty();
        }
        String name = t.substring(0, colon);
        return byScheme.apply(name).filter(c -> c.canRead() && c.addressing().pathValued());
    }

    private static boolean isPreset(String t) {
        return t.equalsIgnoreCase("preset") || t.toLowerCase(Locale.ROOT).startsWith("preset:");
    }

    /** The DAV URL of a provider preset, by id or by a host that matches its server hosts or host patterns. */
    static Optional<String> presetUrl(IExtensionRegistry registry, String id, String host, String protocol) {
        if (registry == null) {
            return Optional.empty();
        }
        for (IConfigurationElement provider : registry.getConfigurationElementsFor(PROVIDERS)) {
            if (!"provider".equals(provider.getName())) {
                continue;
            }
            boolean chosen = id != null ? id.equalsIgnoreCase(provider.getAttribute("id")) : matches(provider, host);
            if (!chosen) {
                continue;
            }
            for (IConfigurationElement server : provider.getChildren("server")) {
                if (protocol.equalsIgnoreCase(server.getAttribute("protocol")) && server.getAttribute("url") != null) {
                    return Optional.of(server.getAttribute("url"));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean matches(IConfigurationElement provider, String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.isEmpty()) {
            return false;
        }
        for (IConfigurationElement server : provider.getChildren("server")) {
            if (h.equalsIgnoreCase(server.getAttribute("host"))) {
                return true;
            }
        }
        String hosts = provider.getAttribute("hosts");
        if (hosts != null) {
            for (String p : hosts.split(",")) {
                String regex = p.trim().toLowerCase(Locale.ROOT).replace(".", "\\.").replace("*", "[^/]+").replace("{n}", "\\d+");
                if (!p.isBlank() && h.matches(regex)) {
                    return true;
                }
            }
        }
        return false;
    }
}
