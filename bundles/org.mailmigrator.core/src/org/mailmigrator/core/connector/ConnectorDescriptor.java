package org.mailmigrator.core.connector;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Role;

/**
 * What a contributed connector declares about itself, read without loading its code: roles, kinds, settings
 * and its {@link Addressing} (endpoint, login, URL schemes).
 */
public record ConnectorDescriptor(String id, String name, String description, String contributor, Set<Role> roles,
        Set<ItemKind> kinds, List<SettingDescriptor> settings, Addressing addressing) {

    public ConnectorDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
        kinds = Set.copyOf(kinds);
        settings = List.copyOf(settings);
        description = description == null ? "" : description;
        addressing = addressing == null ? Addressing.NONE : addressing;
    }

    /** A connector without addressing (no endpoint, login or scheme). */
    public ConnectorDescriptor(String id, String name, String description, String contributor, Set<Role> roles,
            Set<ItemKind> kinds, List<SettingDescriptor> settings) {
        this(id, name, description, contributor, roles, kinds, settings, Addressing.NONE);
    }

    /** The lower-case host the account connects to (its host setting, or its URL's host); see {@link Addressing}. */
    public Optional<String> endpointHost(Account account) {
        return addressing.endpointHost(account);
    }

    /** The account's login setting, when declared and filled. */
    public Optional<String> login(Account account) {
        return addressing.login(account);
    }

    /** The URL schemes this connector answers, in declaration order. */
    public List<UrlScheme> schemes() {
        return addressing.schemes();
    }

    /**
     * The account a URL of one of this connector's schemes names ({@code imaps://alice@host}, {@code
     * ews+https://alice@host/EWS/Exchange.asmx}).
     *
     * @throws IllegalArgumentException see {@link Addressing#parse}
     */
    public Account parse(URI url, boolean allowPlaintext) {
        return addressing.parse(id, url, allowPlaintext);
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
