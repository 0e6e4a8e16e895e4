package org.mailmigrator.autodetect.internal;

import java.util.ArrayList;
import java.util.List;

import org.mailmigrator.autodetect.DetectorEnvironment;
import org.mailmigrator.autodetect.EmailAddress;
import org.mailmigrator.autodetect.ProviderRegistry;
import org.mailmigrator.autodetect.Source;
import org.mailmigrator.autodetect.Step;
import org.mailmigrator.autodetect.Step.Outcome;

/** One detection in progress: the address, the tools to reach the network, and the trail so far. */
public final class Attempt {
    private final EmailAddress address;
    private final DetectorEnvironment environment;
    private final ProviderRegistry registry;
    private final Dns dns;
    private final Https https;
    private final List<Step> trail = new ArrayList<>();

    public Attempt(EmailAddress address, DetectorEnvironment environment, ProviderRegistry registry, Https https) {
        this.address = address;
        this.environment = environment;
        this.registry = registry;
        this.dns = new Dns(environment.resolver());
        this.https = https;
    }

    public EmailAddress address() {
        return address;
    }

    public String domain() {
        return address.domain();
    }

    public DetectorEnvironment environment() {
        return environment;
    }

    public ProviderRegistry registry() {
        return registry;
    }

    public Dns dns() {
        return dns;
    }

    public Https https() {
        return https;
    }

    public List<Step> trail() {
        return List.copyOf(trail);
    }

    public void record(Source source, String tried, Outcome outcome, String detail) {
        trail.add(new Step(source, tried, outcome, detail));
    }

    /**
     * True when credentials may later be sent to this host: it is in the address's domain, or the environment's
     * confirmation said yes. A refusal is recorded in the trail.
     */
    public boolean mayTrust(Source source, String host, String why) {
        if (address.owns(host)) {
            return true;
        }
        if (environment.confirmation().trust(address, host, why)) {
            record(source, host, Outcome.NOTHING, "outside " + domain() + ", trusted after confirmation (" + why + ")");
            return true;
        }
        record(source, host, Outcome.REFUSED, "outside " + domain() + " and not confirmed: " + why);
        return false;
    }
}
