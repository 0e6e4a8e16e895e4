package org.mailmigrator.core.internal.registry;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IConfigurationElement;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.connector.SettingDescriptor;
import org.mailmigrator.core.connector.SettingType;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.registry.Attributes;

/** Reads one {@code <connector>} declaration into a descriptor, or says what is wrong with it. */
public final class ConnectorParser {

    private ConnectorParser() {
    }

    /** @throws IllegalArgumentException naming what is wrong */
    public static ConnectorDescriptor read(IConfigurationElement element) {
        Attributes.require(element, "name", "class", "roles", "kinds");
        var roles = EnumSet.copyOf(Attributes.nonEmptyList(element.getAttribute("roles"), Role::fromId));
        var kinds = EnumSet.copyOf(Attributes.nonEmptyList(element.getAttribute("kinds"), ItemKind::fromId));
        List<SettingDescriptor> settings = new ArrayList<>();
        for (IConfigurationElement s : element.getChildren("setting")) {
            settings.add(setting(s));
        }
        if (settings.stream().map(SettingDescriptor::id).distinct().count() != settings.size()) {
            throw new IllegalArgumentException("two settings share one id");
        }
        return new ConnectorDescriptor(element.getAttribute("id"), element.getAttribute("name"),
                element.getAttribute("description"), element.getContributor().getName(), roles, kinds, settings,
                AddressingParser.read(element, settings, kinds));
    }

    private static SettingDescriptor setting(IConfigurationElement s) {
        String id = s.getAttribute("id");
        if (Attributes.blank(id) || Attributes.blank(s.getAttribute("label")) || Attributes.blank(s.getAttribute("type"))) {
            throw new IllegalArgumentException("setting '" + id + "' needs an id, a label and a type");
        }
        SettingType type;
        try {
            type = SettingType.fromId(s.getAttribute("type"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting '" + id + "': " + e.getMessage());
        }
        List<String> choices = Attributes.list(s.getAttribute("choices"));
        if (type == SettingType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("setting '" + id + "' is a choice without choices");
        }
        return new SettingDescriptor(id, s.getAttribute("label"), type,
                Optional.ofNullable(s.getAttribute("default")), Boolean.parseBoolean(s.getAttribute("required")),
                Boolean.parseBoolean(s.getAttribute("secret")), choices, s.getAttribute("description"));
    }
}
