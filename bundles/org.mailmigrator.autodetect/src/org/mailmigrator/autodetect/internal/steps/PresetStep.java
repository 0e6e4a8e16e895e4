package org.mailmigrator.autodetect.internal.steps;

import java.util.Map;
import java.util.Optional;

import org.mailmigrator.autodetect.Confidence;
import org.mailmigrator.autodetect.ProviderPreset;
import org.mailmigrator.autodetect.ProviderRegistry.Match;
import org.mailmigrator.autodetect.Source;
import org.mailmigrator.autodetect.Step.Outcome;
import org.mailmigrator.autodetect.internal.Attempt;

/** Step 1: a preset that lists the address's domain (gmail.com, orange.fr...). Needs no network. */
public final class PresetStep implements LookupStep {

    @Override
    public Source source() {
        return Source.PRESET;
    }

    @Override
    public Optional<Hit> run(Attempt attempt) {
        Optional<ProviderPreset> preset = attempt.registry().byDomain(attempt.domain());
        if (preset.isEmpty()) {
            attempt.record(source(), attempt.domain(), Outcome.NOTHING, "no preset lists this domain");
            return Optional.empty();
        }
        ProviderPreset p = preset.get();
        attempt.record(source(), attempt.domain(), Outcome.FOUND, p.name() + " (preset '" + p.id() + "')");
        return Optional.of(new Hit(p.servers(), Confidence.HIGH, Optional.of(new Match(p, Map.of()))));
    }
}
