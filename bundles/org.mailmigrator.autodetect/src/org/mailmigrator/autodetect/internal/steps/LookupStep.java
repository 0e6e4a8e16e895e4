package org.mailmigrator.autodetect.internal.steps;

import java.util.List;
import java.util.Optional;

import org.mailmigrator.autodetect.Confidence;
import org.mailmigrator.autodetect.ProviderRegistry.Match;
import org.mailmigrator.autodetect.ServerSetting;
import org.mailmigrator.autodetect.Source;
import org.mailmigrator.autodetect.internal.Attempt;

/** One step of the lookup order. It records what it tries in the attempt's trail and returns settings, or none. */
public interface LookupStep {

    /** Settings a step found, and the provider they belong to when it is known. */
    record Hit(List<ServerSetting> servers, Confidence confidence, Optional<Match> provider) {
        public Hit {
            servers = List.copyOf(servers);
        }
    }

    Source source();

    Optional<Hit> run(Attempt attempt);

    /** The preset that serves the first of these hosts, if any: how autoconfig or SRV answers get their advice. */
    static Optional<Match> providerOf(Attempt attempt, List<ServerSetting> servers) {
        return servers.stream().map(s -> attempt.registry().byHost(s.host())).flatMap(Optional::stream).findFirst();
    }
}
