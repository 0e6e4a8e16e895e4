package org.mailmigrator.autodetect.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.core.runtime.IConfigurationElement;

import org.mailmigrator.autodetect.HostPattern;
import org.mailmigrator.autodetect.Protocol;
import org.mailmigrator.autodetect.ProviderPreset;
import org.mailmigrator.autodetect.ProviderPreset.LoginError;
import org.mailmigrator.autodetect.Security;
import org.mailmigrator.autodetect.ServerSetting;
import org.mailmigrator.core.registry.Attributes;

/** Turns one {@code <provider>} declaration into a preset, or into a message saying what is wrong. */
public final class PresetParser {

    private PresetParser() {
    }

    /** @throws IllegalArgumentException naming what is wrong */
    public static ProviderPreset read(IConfigurationElement element) {
        Attributes.require(element, "name");
        List<ServerSetting> servers = new ArrayList<>();
        for (IConfigurationElement s : element.getChildren("server")) {
            servers.add(server(s));
        }
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("declares no <server>");
        }
        Set<String> hosts = new LinkedHashSet<>(list(element.getAttribute("hosts")));
        servers.forEach(s -> hosts.add(s.host()));
        List<String> advice = Arrays.stream(element.getChildren("advice")).map(a -> required(a, "text")).toList();
        List<LoginError> errors = Arrays.stream(element.getChildren("loginError"))
                .map(e -> new LoginError(required(e, "contains"), required(e, "message"))).toList();
        List<ProviderPreset.DailyLimit> limits = Arrays.stream(element.getChildren("dailyLimit"))
                .map(l -> new ProviderPreset.DailyLimit(Protocol.fromId(required(l, "protocol")), megabytes(l, "downloadMb"),
                        megabytes(l, "uploadMb"))).toList();
        return new ProviderPreset(element.getAttribute("id"), element.getAttribute("name"),
                element.getContributor().getName(), list(element.getAttribute("domains")),
                patterns(list(element.getAttribute("mx"))), patterns(List.copyOf(hosts)),
                list(element.getAttribute("refine")), servers, advice, errors, limits);
    }

    private static long megabytes(IConfigurationElement e, String attribute) {
        String v = e.getAttribute(attribute);
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // said below
        }
        throw new IllegalArgumentException("<dailyLimit " + attribute + "=\"" + v + "\"> is not a number of MB");
    }

    private static ServerSetting server(IConfigurationElement s) {
        Protocol protocol = Protocol.fromId(required(s, "protocol"));
        String url = s.getAttribute("url");
        if (protocol.byUrl()) {
            if (blank(url) || !url.startsWith("https://")) {
                throw new IllegalArgumentException(protocol.id() + " server needs an https:// url");
            }
            String authority = url.substring("https://".length()).split("/", 2)[0];
            String[] hostPort = authority.split(":", 2);
            int port = hostPort.length == 2 ? port(hostPort[1]) : 443;
            return new ServerSetting(protocol, hostPort[0], port, Security.TLS, s.getAttribute("login"), url);
        }
        String host = required(s, "host");
        return new ServerSetting(protocol, host, port(required(s, "port")), Security.fromId(required(s, "security")),
                s.getAttribute("login"), null);
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port '" + text + "' is not a number");
        }
    }

    private static String required(IConfigurationElement e, String attribute) {
        String value = e.getAttribute(attribute);
        if (blank(value)) {
            throw new IllegalArgumentException("<" + e.getName() + "> needs the attribute '" + attribute + "'");
        }
        return value;
    }

    private static List<HostPattern> patterns(List<String> texts) {
        return texts.stream().map(HostPattern::new).toList();
    }

    /** Host names and domains compare case-insensitively: kept in lower case. */
    private static List<String> list(String commaSeparated) {
        return Attributes.list(commaSeparated).stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }

    private static boolean blank(String value) {
        return Attributes.blank(value);
    }
}
