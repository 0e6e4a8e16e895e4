package org.mailmigrator.cli.internal.migrate;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.mailmigrator.cli.internal.pim.PimMigrate;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.connector.UrlScheme;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * A local path as {@code migrate}'s mail source, for a connector whose endpoint is a path (connectors.exsd; the
 * files connector, docs/file-sources.md): {@code PATH}, whose format that connector recognises from the content,
 * or {@code SCHEME:PATH} with a scheme such a connector declares ({@code mbox:}, {@code maildir:}, {@code eml:},
 * {@code takeout:}, {@code pst:}); a bare path goes to the first such connector that recognises its content. A bare path that is an .ics/.vcf file or a folder holding some stays calendars and contacts
 * ({@link PimMigrate}). The source is opened once here, so that a path holding no mail is a usage message naming it.
 */
final class FileSource {
    private FileSource() {
    }

    /** Whether {@code migrate} should read this source as mail files: a forced scheme, or a path not of calendars/contacts. */
    static boolean takes(ConnectorRegistry registry, String text) {
        List<ConnectorDescriptor> readers = readers(registry);
        if (readers.isEmpty() || text == null || text.contains("://")) {
            return false;
        }
        return forced(readers, text).isPresent() || !PimMigrate.pimPath(text);
    }

    /** The path source this text names; empty when it is a URL or no path-valued mail connector is installed. */
    static Optional<MailEndpoint> parse(ConnectorRegistry registry, String text) {
        if (!takes(registry, text)) {
            return Optional.empty();
        }
        List<ConnectorDescriptor> readers = readers(registry);
        Optional<Forced> forced = forced(readers, text);
        String raw = forced.map(f -> text.trim().substring(f.scheme().name().length() + 1)).orElse(text.trim());
        if (raw.isEmpty()) {
            throw new IllegalArgumentException("--source " + text.trim() + ": give the file or folder after the ':'");
        }
        Path path;
        try {
            path = Path.of(raw).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("--source '" + raw + "' is not a path: " + e.getReason());
        }
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("--source " + path + " does not exist");
        }
        if (forced.isPresent()) {
            MailEndpoint source = new MailEndpoint(forced.get().connector(), forced.get().scheme(), null, null, null, path);
            check(source, registry).ifPresent(e -> {
                throw e;
            });
            return Optional.of(source);
        }
        return Optional.of(recognised(readers, registry, path));
    }

    /**
     * The calendars/contacts of a path source for a {@code caldav+}/{@code carddav+} target, as a leg's source text
     * {@code SCHEME:PATH} (an Outlook file: {@code pst:/abs/archive.pst}); the file is opened once, as for mail.
     *
     * @throws IllegalArgumentException naming the path when its connector reads no calendars or contacts
     */
    static String pimSource(ConnectorRegistry registry, String text) {
        MailEndpoint source = parse(registry, text).orElseThrow(() -> new IllegalArgumentException("--source " + text.trim()
                + " is not a file or folder"));
        ConnectorDescriptor c = source.connector();
        if (!c.kinds().contains(ItemKind.CALENDAR) && !c.kinds().contains(ItemKind.CONTACTS)) {
            throw new IllegalArgumentException("--source " + source.path() + " holds mail only (" + c.name()
                    + "): give a mail --target (imaps://...), or an .ics/.vcf file or an Outlook .pst for calendars and contacts");
        }
        String scheme = source.urlScheme() != null ? source.urlScheme().name() : c.schemes().stream().map(UrlScheme::name)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("connector '" + c.id() + "' declares no scheme"));
        return scheme + ":" + source.path();
    }

    /**
     * The first path-valued connector that recognises the content (the mail files connector, the PST connector...);
     * when none does, what each said, naming the path.
     */
    private static MailEndpoint recognised(List<ConnectorDescriptor> readers, ConnectorRegistry registry, Path path) {
        List<String> refusals = new java.util.ArrayList<>();
        for (ConnectorDescriptor reader : readers) {
            MailEndpoint source = new MailEndpoint(reader, null, null, null, null, path);
            Optional<IllegalArgumentException> refused = check(source, registry);
            if (refused.isEmpty()) {
                return source;
            }
            refusals.add(refused.get().getMessage().replaceFirst("^--source ", ""));
        }
        throw new IllegalArgumentException("--source " + String.join("; ", refusals) + "; force a format with "
                + schemes(readers) + ", or give an .ics/.vcf file or a folder holding some for calendars and contacts");
    }

    /** Opens the source once: the connector recognises its content (or refuses it, naming the path). */
    private static Optional<IllegalArgumentException> check(MailEndpoint source, ConnectorRegistry registry) {
        try (ConnectorSession s = registry.create(source.connectorId()).open(source.account(false, null, null),
                Role.SOURCE, ConnectContext.of(null))) {
            return Optional.empty(); // recognised
        } catch (ConnectorException e) {
            return Optional.of(new IllegalArgumentException("--source " + e.getMessage(), e));
        } catch (Exception e) {
            return Optional.of(new IllegalArgumentException("--source " + source.path() + " cannot be read: " + e.getMessage(), e));
        }
    }

    private record Forced(ConnectorDescriptor connector, UrlScheme scheme) {
    }

    private static Optional<Forced> forced(List<ConnectorDescriptor> readers, String text) {
        int colon = text.trim().indexOf(':');
        if (colon < 2) { // no scheme, or a drive letter
            return Optional.empty();
        }
        String name = text.trim().substring(0, colon).toLowerCase(Locale.ROOT);
        return readers.stream().flatMap(c -> c.addressing().scheme(name).map(s -> new Forced(c, s)).stream()).findFirst();
    }

    private static List<ConnectorDescriptor> readers(ConnectorRegistry registry) {
        return registry.connectors().stream().filter(c -> c.canRead() && c.kinds().contains(ItemKind.MAIL)
                && c.addressing().pathValued()).toList();
    }

    /** "mbox:PATH, maildir:PATH, eml:PATH or takeout:PATH". */
    private static String schemes(List<ConnectorDescriptor> readers) {
        List<String> all = readers.stream().flatMap(c -> c.schemes().stream()).map(s -> s.name() + ":PATH").toList();
        if (all.size() < 2) {
            return all.isEmpty() ? "nothing (no scheme is declared)" : all.get(0);
        }
        return all.subList(0, all.size() - 1).stream().collect(Collectors.joining(", ")) + " or " + all.get(all.size() - 1);
    }
}
