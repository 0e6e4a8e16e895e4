package org.mailmigrator.core.registry;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.eclipse.core.runtime.IConfigurationElement;

/** Reading attributes of a declaration, with the messages {@link Contributions} reports when they are wrong. */
public final class Attributes {

    private Attributes() {
    }

    /** @throws IllegalArgumentException "attribute 'x' is missing" for the first blank one */
    public static void require(IConfigurationElement element, String... names) {
        for (String name : names) {
            if (blank(element.getAttribute(name))) {
                throw new IllegalArgumentException("attribute '" + name + "' is missing");
            }
        }
    }

    /** A comma-separated attribute as values; an absent or blank attribute is an empty list. */
    public static List<String> list(String commaSeparated) {
        if (blank(commaSeparated)) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    /** A comma-separated attribute that must hold at least one value, each converted. */
    public static <T> List<T> nonEmptyList(String commaSeparated, Function<String, T> convert) {
        List<String> values = list(commaSeparated);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an empty list '" + commaSeparated + "'");
        }
        return values.stream().map(convert).toList();
    }

    public static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
