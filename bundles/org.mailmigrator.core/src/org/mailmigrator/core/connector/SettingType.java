package org.mailmigrator.core.connector;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The type of a declared connector setting; it decides the editor widget, the CLI parsing and validation. */
public enum SettingType {
    STRING, INT, BOOLEAN, SECRET, HOST, PORT, CHOICE, FILE, URL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SettingType fromId(String id) {
        for (SettingType t : values()) {
            if (t.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown setting type '" + id
                + "' (expected string, int, boolean, secret, host, port, choice, file or url)");
    }

    /** Checks a non-empty value; the result is the reason it is wrong, in words an administrator reads. */
    Optional<String> check(String value, List<String> choices) {
        return switch (this) {
            case INT -> parses(value) ? Optional.empty() : Optional.of("'" + value + "' is not a whole number");
            case PORT -> parses(value) && Long.parseLong(value) >= 1 && Long.parseLong(value) <= 65535
                    ? Optional.empty() : Optional.of("'" + value + "' is not a port number (1-65535)");
            case BOOLEAN -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")
                    ? Optional.empty() : Optional.of("'" + value + "' is not true or false");
            case CHOICE -> choices.contains(value)
                    ? Optional.empty() : Optional.of("'" + value + "' is not one of " + String.join(", ", choices));
            case HOST -> value.matches("[A-Za-z0-9._:\\[\\]-]+")
                    ? Optional.empty() : Optional.of("'" + value + "' is not a host name or address");
            case URL -> isUri(value) ? Optional.empty() : Optional.of("'" + value + "' is not a URL");
            case STRING, SECRET, FILE -> Optional.empty();
        };
    }

    private static boolean parses(String value) {
        return value.matches("-?\\d{1,18}");
    }

    private static boolean isUri(String value) {
        try {
            return new URI(value).getScheme() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
