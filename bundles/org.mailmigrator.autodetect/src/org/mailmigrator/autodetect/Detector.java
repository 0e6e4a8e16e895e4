package org.mailmigrator.autodetect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mailmigrator.autodetect.ProviderRegistry.Match;
import org.mailmigrator.autodetect.Step.Outcome;
import org.mailmigrator.autodetect.internal.Attempt;
import org.mailmigrator.autodetect.internal.Https;
import org.mailmigrator.autodetect.internal.steps.AutoconfigStep;
import org.mailmigrator.autodetect.internal.steps.AutodiscoverStep;
import org.mailmigrator.autodetect.internal.steps.LookupStep;
import org.mailmigrator.autodetect.internal.steps.LookupStep.Hit;
import org.mailmigrator.autodetect.internal.steps.MxStep;
import org.mailmigrator.autodetect.internal.steps.PresetStep;
import org.mailmigrator.autodetect.internal.steps.ProbeStep;
import org.mailmigrator.autodetect.internal.steps.SrvStep;

/**
 * Finds the server settings of an e-mail address. Steps run in a fixed order and the first that finds an
 * incoming server wins: provider presets, autoconfig, MX mapped to a provider, SRV records, Exchange
 * Autodiscover, and last a probe of guessed names. Every attempt is recorded in the result's trail. Thread-safe:
 * one detector may serve a whole batch. Detection never sends credentials.
 */
public final class Detector implements AutoCloseable {
    private static final List<LookupStep> ORDER = List.of(new PresetStep(), new AutoconfigStep(), new MxStep(),
            new SrvStep(), new AutodiscoverStep(), new ProbeStep());

    private final ProviderRegistry registry;
    private final DetectorEnvironment environment;
    private final Https https;

    public Detector(ProviderRegistry registry, DetectorEnvironment environment) {
        this.registry = registry;
        this.environment = environment;
        this.https = new Https(environment);
    }

    public ProviderRegistry registry() {
        return registry;
    }

    /** Never throws for bad input or network trouble: those are in the result. */
    public Detection detect(String input) {
        EmailAddress address;
        try {
            address = EmailAddress.parse(input);
        } catch (IllegalArgumentException e) {
            return new Detection.Invalid(input, e.getMessage());
        }
        Attempt attempt = new Attempt(address, environment, registry, https);
        for (LookupStep step : ORDER) {
            if (!environment.steps().contains(step.source())) {
                attempt.record(step.source(), address.domain(), Outcome.SKIPPED, "not enabled (offline)");
                continue;
            }
            Optional<Hit> hit;
            try {
                hit = step.run(attempt);
            } catch (RuntimeException e) {
                // a step's bug or an unforeseen answer must not hide the other steps' chances
                attempt.record(step.source(), address.domain(), Outcome.FAILED, "unexpected error: " + e);
                continue;
            }
            if (hit.isPresent()) {
                return found(attempt, step.source(), hit.get());
            }
        }
        return new Detection.NotFound(address, attempt.trail());
    }

    private static Detection.Found found(Attempt attempt, Source source, Hit hit) {
        Optional<ProviderPreset> provider = hit.provider().map(Match::preset);
        List<String> advice = new ArrayList<>(provider.map(ProviderPreset::advice).orElse(List.of()));
        if (hit.servers().stream().anyMatch(s -> s.host().contains("{n}"))) {
            advice.add("The server number {n} could not be detected: take it from the provider's control panel.");
        }
        if (hit.servers().stream().anyMatch(s -> s.security() == Security.PLAIN)) {
            advice.add("A server is offered without encryption: passwords would travel in clear.");
        }
        return new Detection.Found(attempt.address(), source, hit.confidence(), provider, hit.servers(), advice,
                attempt.trail());
    }

    @Override
    public void close() {
        https.close();
    }
}
