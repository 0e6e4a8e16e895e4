package org.mailmigrator.autodetect.internal.steps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.mailmigrator.autodetect.Confidence;
import org.mailmigrator.autodetect.Protocol;
import org.mailmigrator.autodetect.Security;
import org.mailmigrator.autodetect.ServerSetting;
import org.mailmigrator.autodetect.Source;
import org.mailmigrator.autodetect.Step.Outcome;
import org.mailmigrator.autodetect.internal.Attempt;
import org.mailmigrator.autodetect.internal.Dns;
import org.mailmigrator.autodetect.internal.Dns.Answer;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Type;

/**
 * Step 4: RFC 6186 SRV records (and RFC 8314's _submissions). The TLS services come first; _imap/_pop3/_submission
 * are taken as STARTTLS, because credentials are never proposed in clear. A target outside the address's domain
 * is used only after confirmation; a target of "." means the service is deliberately not offered.
 */
public final class SrvStep implements LookupStep {
    private record Service(String label, Protocol protocol, Security security) {
    }

    private static final List<Service> SERVICES = List.of(new Service("_imaps._tcp", Protocol.IMAP, Security.TLS),
            new Service("_imap._tcp", Protocol.IMAP, Security.STARTTLS),
            new Service("_pop3s._tcp", Protocol.POP3, Security.TLS),
            new Service("_pop3._tcp", Protocol.POP3, Security.STARTTLS),
            new Service("_submissions._tcp", Protocol.SMTP, Security.TLS),
            new Service("_submission._tcp", Protocol.SMTP, Security.STARTTLS));

    @Override
    public Source source() {
        return Source.SRV;
    }

    @Override
    public Optional<Hit> run(Attempt attempt) {
        List<ServerSetting> servers = new ArrayList<>();
        for (Service service : SERVICES) {
            String name = service.label() + "." + attempt.domain();
            Answer answer = attempt.dns().query(name, Type.SRV);
            switch (answer) {
                case Answer.None none -> attempt.record(source(), name, Outcome.NOTHING, none.detail());
                case Answer.Failed failed -> {
                    attempt.record(source(), name, Outcome.FAILED, failed.detail());
                    return Optional.empty(); // the resolver is not answering; the other names would time out too
                }
                case Answer.Records records -> best(records).ifPresent(r -> use(attempt, service, name, r, servers));
            }
        }
        if (servers.stream().noneMatch(s -> s.protocol() != Protocol.SMTP)) {
            return Optional.empty();
        }
        return Optional.of(new Hit(servers, Confidence.MEDIUM, LookupStep.providerOf(attempt, servers)));
    }

    private void use(Attempt attempt, Service service, String name, SRVRecord r, List<ServerSetting> servers) {
        String target = Dns.host(r.getTarget());
        if (target.equals(".") || r.getPort() == 0) {
            attempt.record(source(), name, Outcome.NOTHING, "the domain says this service is not offered");
            return;
        }
        if (!attempt.mayTrust(source(), target, "SRV record " + name + " points to " + target)) {
            return;
        }
        servers.add(ServerSetting.of(service.protocol(), target, r.getPort(), service.security()));
        attempt.record(source(), name, Outcome.FOUND, target + ":" + r.getPort() + " " + service.security().id());
    }

    /** The lowest priority, then the highest weight: the record RFC 2782 would try first. */
    private static Optional<SRVRecord> best(Answer.Records records) {
        return records.records().stream().map(r -> (SRVRecord) r).min(Comparator.comparingInt(SRVRecord::getPriority)
                .thenComparing(Comparator.comparingInt(SRVRecord::getWeight).reversed()));
    }
}
