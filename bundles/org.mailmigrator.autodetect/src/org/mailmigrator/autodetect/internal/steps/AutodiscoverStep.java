package org.mailmigrator.autodetect.internal.steps;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.mailmigrator.autodetect.Confidence;
import org.mailmigrator.autodetect.Source;
import org.mailmigrator.autodetect.Step.Outcome;
import org.mailmigrator.autodetect.internal.Attempt;
import org.mailmigrator.autodetect.internal.Dns;
import org.mailmigrator.autodetect.internal.Dns.Answer;
import org.mailmigrator.autodetect.internal.Https.Result;
import org.mailmigrator.autodetect.internal.steps.AutodiscoverParser.Answer.Error;
import org.mailmigrator.autodetect.internal.steps.AutodiscoverParser.Answer.RedirectAddress;
import org.mailmigrator.autodetect.internal.steps.AutodiscoverParser.Answer.RedirectUrl;
import org.mailmigrator.autodetect.internal.steps.AutodiscoverParser.Answer.Settings;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Type;

/**
 * Step 5: Exchange Autodiscover (POX), for EWS URLs: autodiscover.&lt;domain&gt;, then &lt;domain&gt;, then the
 * _autodiscover._tcp SRV target (confirmed when outside the domain). No credentials are sent, so servers that
 * answer only after a login yield nothing here; a redirectUrl answer is followed under the same rules.
 */
public final class AutodiscoverStep implements LookupStep {
    private static final String PATH = "/autodiscover/autodiscover.xml";

    @Override
    public Source source() {
        return Source.AUTODISCOVER;
    }

    @Override
    public Optional<Hit> run(Attempt attempt) {
        String domain = attempt.domain();
        Deque<URI> urls = new ArrayDeque<>(List.of(URI.create("https://autodiscover." + domain + PATH),
                URI.create("https://" + domain + PATH)));
        boolean srvAsked = false;
        int redirects = 0;
        while (!urls.isEmpty() || !srvAsked) {
            if (urls.isEmpty()) {
                srvAsked = true;
                srv(attempt).ifPresent(urls::add);
                continue;
            }
            URI url = urls.poll();
            Result result = attempt.https().send(attempt, source(), url, AutodiscoverParser.request(attempt.address()));
            switch (result) {
                case Result.Ok ok -> {
                    Optional<Hit> hit = read(attempt, ok, urls, redirects++ < 3);
                    if (hit.isPresent()) {
                        return hit;
                    }
                }
                case Result.Nothing n -> attempt.record(source(), url.toString(), Outcome.NOTHING, n.detail());
                case Result.Failed f -> attempt.record(source(), url.toString(), Outcome.FAILED, f.detail());
                case Result.Refused r -> attempt.record(source(), url.toString(), Outcome.REFUSED, r.detail());
            }
        }
        return Optional.empty();
    }

    private Optional<Hit> read(Attempt attempt, Result.Ok ok, Deque<URI> urls, boolean mayRedirect) {
        String where = ok.uri().toString();
        try {
            switch (AutodiscoverParser.parse(ok.body(), attempt.address())) {
                case Settings s when !s.servers().isEmpty() -> {
                    attempt.record(source(), where, Outcome.FOUND, s.servers().size() + " server(s)");
                    return Optional.of(new Hit(s.servers(), Confidence.MEDIUM, LookupStep.providerOf(attempt, s.servers())));
                }
                case Settings s -> attempt.record(source(), where, Outcome.NOTHING, "the answer lists no server");
                case Error e -> attempt.record(source(), where, Outcome.NOTHING, e.message());
                case RedirectAddress r -> attempt.record(source(), where, Outcome.NOTHING,
                        "redirects to the address " + r.address() + " (not followed: detect that address instead)");
                case RedirectUrl r -> {
                    URI next = r.url() == null ? null : ok.uri().resolve(r.url());
                    if (next == null || !"https".equalsIgnoreCase(next.getScheme()) || !mayRedirect) {
                        attempt.record(source(), where, Outcome.REFUSED, "redirectUrl " + r.url() + " is not a usable https URL");
                    } else if (attempt.mayTrust(source(), next.getHost(), "Autodiscover redirectUrl from " + where + " to " + next)) {
                        attempt.record(source(), where, Outcome.NOTHING, "redirectUrl to " + next);
                        urls.addFirst(next);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            attempt.record(source(), where, Outcome.FAILED, "malformed Autodiscover XML: " + e.getMessage());
        }
        return Optional.empty();
    }

    private Optional<URI> srv(Attempt attempt) {
        String name = "_autodiscover._tcp." + attempt.domain();
        Answer answer = attempt.dns().query(name, Type.SRV);
        if (!(answer instanceof Answer.Records records)) {
            attempt.record(source(), name, answer instanceof Answer.Failed ? Outcome.FAILED : Outcome.NOTHING,
                    answer instanceof Answer.Failed f ? f.detail() : ((Answer.None) answer).detail());
            return Optional.empty();
        }
        List<SRVRecord> srv = new ArrayList<>(records.records().stream().map(r -> (SRVRecord) r).toList());
        srv.sort(java.util.Comparator.comparingInt(SRVRecord::getPriority));
        String target = Dns.host(srv.get(0).getTarget());
        int port = srv.get(0).getPort();
        if (!attempt.mayTrust(source(), target, "SRV record " + name + " points to " + target)) {
            return Optional.empty();
        }
        attempt.record(source(), name, Outcome.NOTHING, "points to " + target + ":" + port);
        return Optional.of(URI.create("https://" + target + (port == 443 ? "" : ":" + port) + PATH));
    }
}
