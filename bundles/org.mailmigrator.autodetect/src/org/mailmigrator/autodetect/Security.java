package org.mailmigrator.autodetect;

import java.util.Locale;

/** How a connection is protected: TLS from the first byte, upgraded with STARTTLS, or not at all. */
public enum Security {
    TLS, STARTTLS, PLAIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts the spellings of presets, Thunderbird's autoconfig ("SSL") and Autodiscover. */
    public static Security fromId(String id) {
        return switch (id.trim().toLowerCase(Locale.ROOT)) {
            case "tls", "ssl", "ssl/tls" -> TLS;
            case "starttls", "stls" -> STARTTLS;
            case "plain", "none" -> PLAIN;
            default -> throw new IllegalArgumentException("unknown security '" + id + "'");
        };
    }
}
