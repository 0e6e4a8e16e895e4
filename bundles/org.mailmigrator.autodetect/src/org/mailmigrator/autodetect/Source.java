package org.mailmigrator.autodetect;

/** Where an answer came from, in the order the detector asks. */
public enum Source {
    PRESET("provider preset"),
    AUTOCONFIG("autoconfig (Thunderbird ISPDB format)"),
    MX("MX records mapped to a provider"),
    SRV("SRV records (RFC 6186)"),
    AUTODISCOVER("Exchange Autodiscover"),
    PROBE("server probe");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
