package org.mailmigrator.autodetect;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A provider's server settings as contributed to the {@code providers} extension point. Server hosts may hold
 * {n} (see {@link HostPattern}); {@link #servers(Map)} fills it in.
 */
public record ProviderPreset(String id, String name, String contributor, List<String> domains, List<HostPattern> mx,
        List<HostPattern> hosts, List<String> refine, List<ServerSetting> servers, List<String> advice,
        List<LoginError> loginErrors) {

    /** A server answer that deserves an explanation (Gmail's web-login alert, Microsoft's bare LOGIN failed). */
    public record LoginError(String contains, String message) {
    }

    public ProviderPreset {
        domains = List.copyOf(domains);
        mx = List.copyOf(mx);
        hosts = List.copyOf(hosts);
        refine = List.copyOf(refine);
        servers = List.copyOf(servers);
        advice = List.copyOf(advice);
        loginErrors = List.copyOf(loginErrors);
    }

    /** The servers with the variables captured from a host name filled in. */
    public List<ServerSetting> servers(Map<String, String> variables) {
        return servers.stream().map(s -> new ServerSetting(s.protocol(), HostPattern.fill(s.host(), variables),
                s.port(), s.security(), s.login(), HostPattern.fill(s.url(), variables))).toList();
    }

    /** True when some server host still holds a variable nobody filled in. */
    public boolean needsVariables() {
        return servers.stream().anyMatch(s -> s.host().contains("{n}"));
    }

    /** Matches a host against the provider's server hosts and extra host patterns. */
    public Optional<Map<String, String>> matchHost(String host) {
        for (HostPattern pattern : hosts) {
            Optional<Map<String, String>> m = pattern.match(host);
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    /** Matches an MX host against the provider's MX patterns. */
    public Optional<Map<String, String>> matchMx(String host) {
        return mx.stream().map(p -> p.match(host)).flatMap(Optional::stream).findFirst();
    }
}
