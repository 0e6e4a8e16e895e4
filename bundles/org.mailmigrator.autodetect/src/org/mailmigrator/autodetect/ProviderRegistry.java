package org.mailmigrator.autodetect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.mailmigrator.autodetect.internal.PresetParser;
import org.mailmigrator.core.registry.Contributions;
import org.mailmigrator.core.registry.Contributions.Entry;

/**
 * The provider presets contributed to {@value #EXTENSION_POINT}. Declarations are read on first use; a broken
 * contribution is skipped and logged (and listed by {@link #problems()}), never allowed to stop the others.
 * Reading presets needs no network.
 */
public final class ProviderRegistry {
    public static final String EXTENSION_POINT = "org.mailmigrator.autodetect.providers";

    private final Contributions<ProviderPreset> contributions;

    /** A preset and the variables captured when a host matched it. */
    public record Match(ProviderPreset preset, Map<String, String> variables) {
        public List<ServerSetting> servers() {
            return preset.servers(variables);
        }
    }

    /** Over the extension registry the caller looked up (a command, a view, a test): this class never does. */
    public ProviderRegistry(IExtensionRegistry extensions) {
        contributions = new Contributions<>(extensions, EXTENSION_POINT, "provider", PresetParser::read);
    }

    /** All valid presets, in contribution order. */
    public List<ProviderPreset> providers() {
        return contributions.entries().stream().map(Entry::value).toList();
    }

    public Optional<ProviderPreset> find(String id) {
        return contributions.entry(id).map(Entry::value);
    }

    /** Contributions that were skipped, each naming the contributing bundle and the reason. */
    public List<String> problems() {
        return contributions.problems();
    }

    /** The preset that serves addresses of this domain (gmail.com → Gmail). */
    public Optional<ProviderPreset> byDomain(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        return providers().stream().filter(p -> p.domains().contains(d)).findFirst();
    }

    /** The preset whose MX hosts include this one. */
    public Optional<Match> byMx(String mxHost) {
        return providers().stream().flatMap(p -> p.matchMx(mxHost).map(v -> new Match(p, v)).stream()).findFirst();
    }

    /** The preset one of whose servers (or extra host patterns) is this host. */
    public Optional<Match> byHost(String host) {
        return providers().stream().flatMap(p -> p.matchHost(host).map(v -> new Match(p, v)).stream()).findFirst();
    }

    /** The daily transfer limit of the provider whose servers include {@code host}, for one protocol. */
    public Optional<ProviderPreset.DailyLimit> dailyLimit(String host, Protocol protocol) {
        return byHost(host).flatMap(m -> m.preset().dailyLimits().stream().filter(l -> l.protocol() == protocol).findFirst());
    }

    /**
     * Explains a login refusal when the server's answer is one a provider is known to give (Gmail's web-login
     * alert, Microsoft's refusal of passwords); empty when the answer says nothing more than "failed".
     *
     * @param host the server that refused, or null when unknown
     */
    public Optional<String> explainLoginFailure(String host, String serverAnswer) {
        if (serverAnswer == null) {
            return Optional.empty();
        }
        List<ProviderPreset> candidates = new ArrayList<>();
        if (host != null) {
            byHost(host).ifPresent(m -> candidates.add(m.preset()));
        }
        providers().stream().filter(p -> !candidates.contains(p)).forEach(candidates::add);
        String answer = serverAnswer.toLowerCase(Locale.ROOT);
        return candidates.stream().flatMap(p -> p.loginErrors().stream())
                .filter(e -> answer.contains(e.contains().toLowerCase(Locale.ROOT)))
                .map(e -> e.message() + " (server said: " + serverAnswer.strip() + ")").findFirst();
    }
}
