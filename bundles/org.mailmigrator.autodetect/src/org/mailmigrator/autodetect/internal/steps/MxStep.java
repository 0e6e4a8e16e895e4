package org.mailmigrator.autodetect.internal.steps;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.mailmigrator.autodetect.Confidence;
import org.mailmigrator.autodetect.ProviderPreset;
import org.mailmigrator.autodetect.ProviderRegistry.Match;
import org.mailmigrator.autodetect.Source;
import org.mailmigrator.autodetect.Step.Outcome;
import org.mailmigrator.autodetect.internal.Attempt;
import org.mailmigrator.autodetect.internal.Dns;
import org.mailmigrator.autodetect.internal.Dns.Answer;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Type;

/**
 * Step 3: the domain's MX hosts mapped to a known provider (an MX at Google → the Gmail preset). Where several
 * presets share MX hosts (OVHcloud MX Plan, Email Pro, Hosted Exchange), the domain's _autodiscover._tcp SRV
 * target picks the right one and its server number.
 */
public final class MxStep implements LookupStep {

    @Override
    public Source source() {
        return Source.MX;
    }

    @Override
    public Optional<Hit> run(Attempt attempt) {
        String domain = attempt.domain();
        Answer answer = attempt.dns().query(domain, Type.MX);
        if (!(answer instanceof Answer.Records records)) {
            record(attempt, "MX " + domain, answer);
            return Optional.empty();
        }
        List<String> hosts = records.records().stream().map(r -> (MXRecord) r)
                .sorted(Comparator.comparingInt(MXRecord::getPriority)).map(r -> Dns.host(r.getTarget())).toList();
        for (String host : hosts) {
            Optional<Match> match = attempt.registry().byMx(host);
            if (match.isPresent()) {
                Match chosen = refine(attempt, match.get());
                attempt.record(source(), "MX " + domain, Outcome.FOUND,
                        host + " belongs to " + chosen.preset().name() + " (preset '" + chosen.preset().id() + "')");
                return Optional.of(new Hit(chosen.servers(), Confidence.MEDIUM, Optional.of(chosen)));
            }
        }
        attempt.record(source(), "MX " + domain, Outcome.NOTHING,
                String.join(", ", hosts) + " belong(s) to no known provider");
        return Optional.empty();
    }

    private Match refine(Attempt attempt, Match match) {
        if (match.preset().refine().isEmpty()) {
            return match;
        }
        String name = "_autodiscover._tcp." + attempt.domain();
        Answer answer = attempt.dns().query(name, Type.SRV);
        if (!(answer instanceof Answer.Records records)) {
            record(attempt, "SRV " + name, answer);
            return match;
        }
        for (var r : records.records()) {
            String target = Dns.host(((SRVRecord) r).getTarget());
            for (String id : match.preset().refine()) {
                Optional<ProviderPreset> other = attempt.registry().find(id);
                Optional<Match> refined = other.flatMap(p -> p.matchHost(target).map(v -> new Match(p, v)));
                if (refined.isPresent()) {
                    attempt.record(source(), "SRV " + name, Outcome.FOUND, target + " tells "
                            + refined.get().preset().name() + " from " + match.preset().name());
                    return refined.get();
                }
            }
        }
        attempt.record(source(), "SRV " + name, Outcome.NOTHING, "its target belongs to none of " + match.preset().refine());
        return match;
    }

    private void record(Attempt attempt, String tried, Answer answer) {
        switch (answer) {
            case Answer.None none -> attempt.record(source(), tried, Outcome.NOTHING, none.detail());
            case Answer.Failed failed -> attempt.record(source(), tried, Outcome.FAILED, failed.detail());
            case Answer.Records r -> attempt.record(source(), tried, Outcome.NOTHING, r.records().size() + " record(s)");
        }
    }
}
