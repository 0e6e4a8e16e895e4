package org.mailmigrator.autodetect;

import java.util.Locale;

/**
 * How sure a detection is. HIGH: the provider itself says so (a preset for the address's own domain, autoconfig
 * served over verified HTTPS by the domain). MEDIUM: inferred from DNS (MX mapped to a provider, SRV records) or
 * Autodiscover. LOW: a server answered on a guessed name and port; nobody vouched for it.
 */
public enum Confidence {
    HIGH, MEDIUM, LOW;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
