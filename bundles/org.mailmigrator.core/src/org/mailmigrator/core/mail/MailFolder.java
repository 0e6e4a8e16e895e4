package org.mailmigrator.core.mail;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One folder as the server lists it: full name (decoded Unicode, with the server's separator and namespace
 * prefix), hierarchy separator, attributes as sent by the server ({@code \Noselect}, {@code \Sent}, ...)
 * and whether the user subscribed to it.
 */
public record MailFolder(String name, char separator, Set<String> attributes, boolean subscribed) {
    /** RFC 6154 special-use attributes, in the order used to pick one when a server sends several. */
    public static final Set<String> SPECIAL_USES = Set.of("\\All", "\\Archive", "\\Drafts", "\\Flagged", "\\Junk",
            "\\Sent", "\\Trash", "\\Important");

    public MailFolder {
        Objects.requireNonNull(name, "name");
        attributes = Set.copyOf(attributes);
    }

    /** False for {@code \Noselect} and {@code \NonExistent} folders: they hold no messages, only children. */
    public boolean selectable() {
        return attributes.stream().map(a -> a.toLowerCase(Locale.ROOT))
                .noneMatch(a -> a.equals("\\noselect") || a.equals("\\nonexistent"));
    }

    /** The RFC 6154 attribute the server gave this folder, e.g. {@code \Sent}. */
    public Optional<String> specialUse() {
        return attributes.stream().filter(a -> SPECIAL_USES.stream().anyMatch(s -> s.equalsIgnoreCase(a)))
                .map(a -> SPECIAL_USES.stream().filter(s -> s.equalsIgnoreCase(a)).findFirst().orElseThrow())
                .sorted().findFirst();
    }
}
