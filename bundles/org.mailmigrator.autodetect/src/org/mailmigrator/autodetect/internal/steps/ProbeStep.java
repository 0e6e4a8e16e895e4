package org.mailmigrator.autodetect.internal.steps;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLException;

import org.mailmigrator.autodetect.Confidence;
import org.mailmigrator.autodetect.Protocol;
import org.mailmigrator.autodetect.Security;
import org.mailmigrator.autodetect.ServerSetting;
import org.mailmigrator.autodetect.Source;
import org.mailmigrator.autodetect.Step.Outcome;
import org.mailmigrator.autodetect.internal.Attempt;
import org.mailmigrator.autodetect.internal.Dns.Answer;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Type;

/**
 * Step 6, the last resort: guessed names (imap., pop., smtp., mail.) on the standard ports. A server counts when
 * it greets in its protocol over verified TLS, or offers STARTTLS on a plain port (credentials never travel in
 * clear). Host names are resolved through the environment's resolver; ports go through its probe-port mapping.
 */
public final class ProbeStep implements LookupStep {
    private record Candidate(Protocol protocol, String prefix, int port, Security security) {
    }

    private static final List<Candidate> CANDIDATES = List.of(
            new Candidate(Protocol.IMAP, "imap", 993, Security.TLS), new Candidate(Protocol.IMAP, "imap", 143, Security.STARTTLS),
            new Candidate(Protocol.IMAP, "mail", 993, Security.TLS), new Candidate(Protocol.IMAP, "mail", 143, Security.STARTTLS),
            new Candidate(Protocol.POP3, "pop", 995, Security.TLS), new Candidate(Protocol.POP3, "pop", 110, Security.STARTTLS),
            new Candidate(Protocol.POP3, "mail", 995, Security.TLS), new Candidate(Protocol.POP3, "mail", 110, Security.STARTTLS),
            new Candidate(Protocol.SMTP, "smtp", 465, Security.TLS), new Candidate(Protocol.SMTP, "smtp", 587, Security.STARTTLS),
            new Candidate(Protocol.SMTP, "mail", 465, Security.TLS), new Candidate(Protocol.SMTP, "mail", 587, Security.STARTTLS));

    @Override
    public Source source() {
        return Source.PROBE;
    }

    @Override
    public Optional<Hit> run(Attempt attempt) {
        Map<String, Optional<InetAddress>> addresses = new HashMap<>();
        List<ServerSetting> found = new ArrayList<>();
        for (Candidate c : CANDIDATES) {
            boolean incomingKnown = found.stream().anyMatch(s -> s.protocol() != Protocol.SMTP);
            if (found.stream().anyMatch(s -> s.protocol() == c.protocol())
                    || (c.protocol() == Protocol.POP3 && incomingKnown)) {
                continue; // one server per protocol; POP3 only when there is no IMAP
            }
            String host = c.prefix() + "." + attempt.domain();
            Optional<InetAddress> ip = addresses.computeIfAbsent(host, h -> resolve(attempt, h));
            if (ip.isPresent() && probe(attempt, c, host, ip.get())) {
                found.add(ServerSetting.of(c.protocol(), host, c.port(), c.security()));
            }
        }
        if (found.stream().noneMatch(s -> s.protocol() != Protocol.SMTP)) {
            return Optional.empty();
        }
        return Optional.of(new Hit(found, Confidence.LOW, LookupStep.providerOf(attempt, found)));
    }

    private Optional<InetAddress> resolve(Attempt attempt, String host) {
        Answer answer = attempt.dns().query(host, Type.A);
        if (answer instanceof Answer.Records records) {
            return Optional.of(((ARecord) records.records().get(0)).getAddress());
        }
        String detail = answer instanceof Answer.Failed f ? f.detail() : ((Answer.None) answer).detail();
        attempt.record(source(), host, answer instanceof Answer.Failed ? Outcome.FAILED : Outcome.NOTHING, detail);
        return Optional.empty();
    }

    private boolean probe(Attempt attempt, Candidate c, String host, InetAddress ip) {
        String tried = c.protocol().id() + " " + host + ":" + c.port() + " " + c.security().id();
        int port = attempt.environment().probePort().applyAsInt(c.port());
        int timeout = (int) attempt.environment().timeout().toMillis();
        try {
            ProbeDialog.Answer answer = ProbeDialog.talk(c.protocol(), host, ip, port, c.security(),
                    attempt.environment().sslContext(), timeout);
            String greeting = ProbeDialog.shorten(answer.greeting());
            String tls = c.protocol() == Protocol.POP3 ? "STLS" : "STARTTLS";
            if (c.security() == Security.STARTTLS && !answer.offers(tls)) {
                attempt.record(source(), tried, Outcome.NOTHING,
                        "answers (" + greeting + ") but offers no " + tls + "; passwords would travel in clear");
                return false;
            }
            attempt.record(source(), tried, Outcome.FOUND, greeting);
            return true;
        } catch (SSLException e) {
            attempt.record(source(), tried, Outcome.FAILED, "TLS failure: " + e.getMessage());
        } catch (SocketTimeoutException e) {
            attempt.record(source(), tried, Outcome.FAILED, "no answer within " + timeout + " ms");
        } catch (IOException e) {
            attempt.record(source(), tried, Outcome.NOTHING, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        return false;
    }
}
