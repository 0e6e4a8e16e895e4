package org.mailmigrator.autodetect;

import java.util.Locale;

/**
 * One thing the detector tried, in the trail of a detection: which step, what exactly (a URL, a DNS name,
 * host:port), what came of it, and a sentence that says why.
 */
public record Step(Source source, String tried, Outcome outcome, String detail) {

    /** What came of one attempt. */
    public enum Outcome {
        /** It answered with usable settings. */
        FOUND,
        /** It answered, with nothing usable (no record, 404, no greeting). */
        NOTHING,
        /** It could not be asked (timeout, TLS failure, malformed answer). */
        FAILED,
        /** It pointed outside the address's domain and nobody confirmed that it may be trusted. */
        REFUSED,
        /** Not asked (offline, or an earlier step already answered). */
        SKIPPED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return source.id() + " " + tried + ": " + outcome.id() + (detail == null || detail.isEmpty() ? "" : " - " + detail);
    }
}
