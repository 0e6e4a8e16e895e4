package org.mailmigrator.core.connector;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Role;

/** What a contributed connector declares about itself, read without loading its code. */
public record ConnectorDescriptor(String id, String name, String description, String contributor, Set<Role> roles,
        Set<ItemKind> kinds, List<SettingDescriptor> settings) {

    public ConnectorDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
        kinds = Set.copyOf(kinds);
        settings = List.copyOf(settings);
        description = description == null ? "" : description;
    }

    public boolean canRead() {
        return roles.contains(Role.SOURCE);
    }

    public boolean canWrite() {
        return roles.contains(Role.DESTINATION);
    }

    /** "source, destination" (declaration order of the enum): for tables and listings. */
    public String rolesText() {
        return roles.stream().sorted().map(Role::id).collect(Collectors.joining(", "));
    }

    /** "mail, calendar" (declaration order of the enum): for tables and listings. */
    public String kindsText() {
        return kinds.stream().sorted().map(ItemKind::id).collect(Collectors.joining(", "));
    }

    /** "host*, port=993, password* (secret)": required marked with *, defaults shown. */
    public String settingsText() {
        return settings.stream().map(SettingDescriptor::summary).collect(Collectors.joining(", "));
    }

    public Optional<SettingDescriptor> setting(String settingId) {
        return settings.stream().filter(s -> s.id().equals(settingId)).findFirst();
    }
}
