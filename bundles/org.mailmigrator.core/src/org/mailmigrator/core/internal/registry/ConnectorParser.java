package org.mailmigrator.core.internal.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.InvalidRegistryObjectException;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.connector.SettingDescriptor;
import org.mailmigrator.core.connector.SettingType;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Role;

/** Turns one {@code <connector>} declaration into a descriptor, or into a message saying what is wrong. */
public final class ConnectorParser {

    /** The outcome of parsing one declaration. */
    public sealed interface Parsed {
        record Valid(ConnectorDescriptor descriptor) implements Parsed {
        }

        record Problem(String message) implements Parsed {
        }
    }

    private ConnectorParser() {
    }

    public static Parsed parse(IConfigurationElement element) {
        String contributor = element.getContributor().getName();
        String id = element.getAttribute("id");
        String where = "bundle " + contributor + ", connector '" + (id == null ? "?" : id) + "'";
        try {
            if (!"connector".equals(element.getName())) {
                return new Parsed.Problem(where + ": unexpected element <" + element.getName() + ">");
            }
            String name = element.getAttribute("name");
            for (String attribute : List.of("id", "name", "class", "roles", "kinds")) {
                if (blank(element.getAttribute(attribute))) {
                    return new Parsed.Problem(where + ": attribute '" + attribute + "' is missing");
                }
            }
            Set<Role> roles = EnumSet.copyOf(list(element.getAttribute("roles"), Role::fromId));
            Set<ItemKind> kinds = EnumSet.copyOf(list(element.getAttribute("kinds"), ItemKind::fromId));
            List<SettingDescriptor> settings = new ArrayList<>();
            for (IConfigurationElement s : element.getChildren("setting")) {
                settings.add(setting(s));
            }
            if (settings.stream().map(SettingDescriptor::id).distinct().count() != settings.size()) {
                return new Parsed.Problem(where + ": two settings share one id");
            }
            return new Parsed.Valid(new ConnectorDescriptor(id, name, element.getAttribute("description"),
                    contributor, roles, kinds, settings));
        } catch (IllegalArgumentException | InvalidRegistryObjectException e) {
            return new Parsed.Problem(where + ": " + e.getMessage());
        }
    }

    private static SettingDescriptor setting(IConfigurationElement s) {
        String id = s.getAttribute("id");
        if (blank(id) || blank(s.getAttribute("label")) || blank(s.getAttribute("type"))) {
            throw new IllegalArgumentException("setting '" + id + "' needs an id, a label and a type");
        }
        SettingType type;
        try {
            type = SettingType.fromId(s.getAttribute("type"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting '" + id + "': " + e.getMessage());
        }
        List<String> choices = blank(s.getAttribute("choices")) ? List.of()
                : list(s.getAttribute("choices"), Function.identity());
        if (type == SettingType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("setting '" + id + "' is a choice without choices");
        }
        return new SettingDescriptor(id, s.getAttribute("label"), type,
                Optional.ofNullable(s.getAttribute("default")), Boolean.parseBoolean(s.getAttribute("required")),
                Boolean.parseBoolean(s.getAttribute("secret")), choices, s.getAttribute("description"));
    }

    private static <T> List<T> list(String commaSeparated, Function<String, T> convert) {
        List<T> values = Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(v -> !v.isEmpty())
                .map(convert).toList();
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an empty list '" + commaSeparated + "'");
        }
        return values;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
