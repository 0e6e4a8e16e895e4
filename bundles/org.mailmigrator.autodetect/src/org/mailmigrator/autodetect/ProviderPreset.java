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
        List<LoginError> loginErrors, List<DailyLimit> dailyLimits) {

    /** The provider's published transfer limit per account and day for one protocol, in MB (0: none). */
    public record DailyLimit(Protocol protocol, long downloadMb, long uploadMb) {
    }

    /** A preset without daily limits. */
    public ProviderPreset(String id, String name, String contributor, List<String> domains, List<HostPattern> mx,
            List<HostPattern> hosts, List<String> refine, List<ServerSetting> servers, List<String> advice,
            List<LoginError> loginErrors) {
        this(id, name, contributor, domains, mx, hosts, refine, servers, advice, loginErrors, List.of());
    }

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
        dailyLimits = List.copyOf(dailyLimits);
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
