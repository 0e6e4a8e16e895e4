package org.mailmigrator.core.internal.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.eclipse.core.runtime.IConfigurationElement;
import org.mailmigrator.core.connector.Addressing;
import org.mailmigrator.core.connector.SettingDescriptor;
import org.mailmigrator.core.connector.SettingType;
import org.mailmigrator.core.connector.UrlScheme;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.registry.Attributes;

/**
 * Reads a connector's {@code endpoint} and {@code login} attributes and its {@code <scheme>} elements, checked
 * against its declared settings and kinds; a mistake throws, and the whole connector is skipped.
 */
final class AddressingParser {

    private AddressingParser() {
    }

    static Addressing read(IConfigurationElement element, List<SettingDescriptor> settings, Set<ItemKind> kinds) {
        Optional<SettingDescriptor> endpoint = endpoint(element.getAttribute("endpoint"), settings);
        Optional<SettingDescriptor> login = Optional.ofNullable(element.getAttribute("login")).filter(l -> !l.isBlank())
                .map(l -> declared(settings, l.trim(), "login"));
        Optional<SettingDescriptor> port = settings.stream().filter(s -> s.type() == SettingType.PORT).findFirst();
        List<UrlScheme> schemes = new ArrayList<>();
        for (IConfigurationElement s : element.getChildren("scheme")) {
            UrlScheme scheme = scheme(s, settings, kinds);
            if (schemes.stream().anyMatch(other -> other.name().equals(scheme.name()))) {
                throw new IllegalArgumentException("scheme '" + scheme.name() + "' is declared twice");
            }
            schemes.add(scheme);
        }
        boolean path = endpoint.filter(e -> e.type() == SettingType.FILE).isPresent(); // scheme:PATH, no login
        if (!schemes.isEmpty() && (endpoint.isEmpty() || login.isEmpty() && !path)) {
            throw new IllegalArgumentException("a connector with URL schemes needs an endpoint setting (type host or url)"
                    + " and a login attribute, or an endpoint setting of type file");
        }
        return new Addressing(endpoint, login, port, schemes);
    }

    /** The declared endpoint (host, url or file), else the first host setting, else the first URL setting. */
    private static Optional<SettingDescriptor> endpoint(String id, List<SettingDescriptor> settings) {
        if (Attributes.blank(id)) {
            return settings.stream().filter(s -> s.type() == SettingType.HOST).findFirst()
                    .or(() -> settings.stream().filter(s -> s.type() == SettingType.URL).findFirst());
        }
        SettingDescriptor d = declared(settings, id.trim(), "endpoint");
        if (d.type() != SettingType.HOST && d.type() != SettingType.URL && d.type() != SettingType.FILE) {
            throw new IllegalArgumentException("endpoint '" + d.id() + "' is of type " + d.type().id() + ", not host, url or file");
        }
        return Optional.of(d);
    }

    private static SettingDescriptor declared(List<SettingDescriptor> settings, String id, String attribute) {
        return settings.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(
                () -> new IllegalArgumentException(attribute + " '" + id + "' is not a declared setting"));
    }

    private static UrlScheme scheme(IConfigurationElement s, List<SettingDescriptor> settings, Set<ItemKind> kinds) {
        String name = s.getAttribute("name");
        if (Attributes.blank(name) || !name.trim().matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            throw new IllegalArgumentException("scheme '" + name + "' is not a URL scheme (letters, digits, + . -)");
        }
        String where = "scheme '" + name.trim() + "': ";
        OptionalInt port = OptionalInt.empty();
        if (!Attributes.blank(s.getAttribute("port"))) {
            String p = s.getAttribute("port").trim();
            if (!p.matches("\\d{1,5}") || Integer.parseInt(p) < 1 || Integer.parseInt(p) > 65535) {
                throw new IllegalArgumentException(where + "port '" + p + "' is not a port number (1-65535)");
            }
            port = OptionalInt.of(Integer.parseInt(p));
        }
        Set<ItemKind> carried = kinds;
        if (!Attributes.blank(s.getAttribute("kinds"))) {
            try {
                carried = Set.copyOf(Attributes.nonEmptyList(s.getAttribute("kinds"), ItemKind::fromId));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage());
            }
            if (!kinds.containsAll(carried)) {
                throw new IllegalArgumentException(where + "kinds " + carried + " are not all kinds of the connector");
            }
        }
        return new UrlScheme(name.trim(), s.getAttribute("description"), port,
                pairs(where, s.getAttribute("settings"), settings),
                pairs(where, s.getAttribute("whenPlaintextAllowed"), settings),
                Boolean.parseBoolean(s.getAttribute("plaintext")), carried);
    }

    /** {@code security=tls,port=993}: each id a declared setting. */
    private static Map<String, String> pairs(String where, String text, List<SettingDescriptor> settings) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : Attributes.list(text)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(where + "'" + pair + "' is not id=value");
            }
            m.put(declared(settings, pair.substring(0, eq).trim(), where + "setting").id(), pair.substring(eq + 1).trim());
        }
        return m;
    }
}
