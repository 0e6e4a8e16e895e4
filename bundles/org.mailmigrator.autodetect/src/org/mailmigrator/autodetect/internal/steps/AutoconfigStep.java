package org.mailmigrator.autodetect.internal.steps;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.mailmigrator.autodetect.Confidence;
import org.mailmigrator.autodetect.ServerSetting;
import org.mailmigrator.autodetect.Source;
import org.mailmigrator.autodetect.Step.Outcome;
import org.mailmigrator.autodetect.internal.Attempt;
import org.mailmigrator.autodetect.internal.Https.Result;

/**
 * Step 2: the domain's own autoconfig file, first at autoconfig.&lt;domain&gt; (which, as in Thunderbird, is told
 * the address), then at &lt;domain&gt;/.well-known/autoconfig/.
 */
public final class AutoconfigStep implements LookupStep {

    @Override
    public Source source() {
        return Source.AUTOCONFIG;
    }

    @Override
    public Optional<Hit> run(Attempt attempt) {
        String domain = attempt.domain();
        String query = "?emailaddress=" + URLEncoder.encode(attempt.address().toString(), StandardCharsets.UTF_8);
        List<URI> urls = List.of(URI.create("https://autoconfig." + domain + "/mail/config-v1.1.xml" + query),
                URI.create("https://" + domain + "/.well-known/autoconfig/mail/config-v1.1.xml"));
        for (URI url : urls) {
            Result result = attempt.https().send(attempt, source(), url, null);
            switch (result) {
                case Result.Ok ok -> {
                    try {
                        List<ServerSetting> servers = AutoconfigParser.parse(ok.body(), attempt.address());
                        if (servers.stream().noneMatch(s -> s.protocol() != org.mailmigrator.autodetect.Protocol.SMTP)) {
                            attempt.record(source(), ok.uri().toString(), Outcome.NOTHING, "lists no IMAP or POP3 server");
                            continue;
                        }
                        attempt.record(source(), ok.uri().toString(), Outcome.FOUND, servers.size() + " server(s)");
                        return Optional.of(new Hit(servers, Confidence.HIGH, LookupStep.providerOf(attempt, servers)));
                    } catch (IllegalArgumentException e) {
                        attempt.record(source(), ok.uri().toString(), Outcome.FAILED,
                                "malformed autoconfig XML: " + e.getMessage());
                    }
                }
                case Result.Nothing n -> attempt.record(source(), url.toString(), Outcome.NOTHING, n.detail());
                case Result.Failed f -> attempt.record(source(), url.toString(), Outcome.FAILED, f.detail());
                case Result.Refused r -> attempt.record(source(), url.toString(), Outcome.REFUSED, r.detail());
            }
        }
        return Optional.empty();
    }
}
