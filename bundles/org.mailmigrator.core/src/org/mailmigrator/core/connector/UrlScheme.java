package org.mailmigrator.core.connector;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

import org.mailmigrator.core.model.ItemKind;

/**
 * One URL scheme a connector answers ({@code imaps}, {@code ews+https}, {@code caldav+http}...), as declared in
 * its {@code <scheme>} element: the settings a URL of it sets, those that replace them when plaintext is
 * allowed, the port when the URL has none, and the item kinds such a URL carries.
 *
 * @param plaintext the scheme itself sends the password without TLS (http): accepted only when allowed
 */
public record UrlScheme(String name, String description, OptionalInt port, Map<String, String> settings,
        Map<String, String> whenPlaintextAllowed, boolean plaintext, Set<ItemKind> kinds) {

    public UrlScheme {
        Objects.requireNonNull(name, "name");
        name = name.toLowerCase(Locale.ROOT);
        description = description == null ? "" : description;
        settings = Map.copyOf(settings);
        whenPlaintextAllowed = Map.copyOf(whenPlaintextAllowed);
        kinds = Set.copyOf(kinds);
    }

    /** The scheme of the URL after the last '+' ({@code https} of {@code ews+https}), or the whole name. */
    public String transport() {
        return name.substring(name.lastIndexOf('+') + 1);
    }

    /** {@code imaps:// (TLS)}: for messages listing what is accepted. */
    public String shown() {
        return name + "://" + (description.isEmpty() ? "" : " (" + description + ")");
    }
}
