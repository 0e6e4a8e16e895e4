package org.mailmigrator.autodetect.internal.steps;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

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
 * Candidates are probed in parallel (virtual threads) and judged in their order of preference.
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
        round(attempt, addresses, found, c -> c.protocol() != Protocol.POP3);
        if (found.stream().noneMatch(s -> s.protocol() == Protocol.IMAP)) {
            round(attempt, addresses, found, c -> c.protocol() == Protocol.POP3); // POP3 only when there is no IMAP
        }
        if (found.stream().noneMatch(s -> s.protocol() != Protocol.SMTP)) {
            return Optional.empty();
        }
        return Optional.of(new Hit(found, Confidence.LOW, LookupStep.providerOf(attempt, found)));
    }

    /**
     * Probes some candidates at once (a silent firewall costs one timeout, not one per port), then records them
     * in the candidates' order of preference and keeps the first server that answers for each protocol.
     */
    private void round(Attempt attempt, Map<String, Optional<InetAddress>> addresses, List<ServerSetting> found,
            Predicate<Candidate> which) {
        List<Candidate> candidates = CANDIDATES.stream().filter(which).toList();
        candidates.forEach(c -> addresses.computeIfAbsent(host(attempt, c), h -> resolve(attempt, h)));
        Map<Candidate, Future<Probed>> running = new LinkedHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Candidate c : candidates) {
                addresses.get(host(attempt, c)).ifPresent(ip -> running.put(c, pool.submit(() -> probe(attempt, c, ip))));
            }
        }
        running.forEach((c, future) -> {
            Probed probed = probed(c, future);
            attempt.record(source(), probed.tried(), probed.outcome(), probed.detail());
            if (probed.outcome() == Outcome.FOUND && found.stream().noneMatch(s -> s.protocol() == c.protocol())) {
                found.add(ServerSetting.of(c.protocol(), host(attempt, c), c.port(), c.security()));
            }
        });
    }

    private static Probed probed(Candidate c, Future<Probed> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            return new Probed(c.protocol().id() + " " + c.prefix() + ":" + c.port(), Outcome.FAILED, "probe failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probed(c.protocol().id() + " " + c.prefix() + ":" + c.port(), Outcome.FAILED, "interrupted");
        }
    }

    private static String host(Attempt attempt, Candidate c) {
        return c.prefix() + "." + attempt.domain();
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

    /** What one candidate said; recorded later, in order, because the trail is not shared between threads. */
    private record Probed(String tried, Outcome outcome, String detail) {
    }

    private Probed probe(Attempt attempt, Candidate c, InetAddress ip) {
        String host = host(attempt, c);
        String tried = c.protocol().id() + " " + host + ":" + c.port() + " " + c.security().id();
        int port = attempt.environment().probePort().applyAsInt(c.port());
        int timeout = (int) attempt.environment().timeout().toMillis();
        try {
            ProbeDialog.Answer answer = ProbeDialog.talk(c.protocol(), host, ip, port, c.security(),
                    attempt.environment().sslContext(), timeout);
            String greeting = ProbeDialog.shorten(answer.greeting());
            String tls = c.protocol() == Protocol.POP3 ? "STLS" : "STARTTLS";
            if (c.security() == Security.STARTTLS && !answer.offers(tls)) {
                return new Probed(tried, Outcome.NOTHING,
                        "answers (" + greeting + ") but offers no " + tls + "; passwords would travel in clear");
            }
            return new Probed(tried, Outcome.FOUND, greeting);
        } catch (SSLException e) {
            return new Probed(tried, Outcome.FAILED, "TLS failure: " + e.getMessage());
        } catch (SocketTimeoutException e) {
            return new Probed(tried, Outcome.FAILED, "no answer within " + timeout + " ms");
        } catch (IOException e) {
            return new Probed(tried, Outcome.NOTHING, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
