package org.mailmigrator.batch;

import java.util.Objects;

import org.mailmigrator.core.model.CredentialRef;

/**
 * A calendar or contacts leg of a batch row, run after the row's mail pass: {@code source} is an
 * {@code .ics}/{@code .vcf} file or a folder of them, {@code target} a {@code caldav+https://LOGIN@HOST/PATH},
 * {@code carddav+https://...} or {@code ews+https://...} URL (never with a password), {@code credential} the
 * reference of the target's sealed password.
 */
public record PimLeg(Kind kind, String source, String target, CredentialRef credential) {

    /** What a leg carries; its id is the CSV column prefix. */
    public enum Kind {
        CALENDAR("calendar"), CONTACTS("contacts");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public PimLeg {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(credential, "credential");
    }

    /**
     * Whether a migration is a row with calendar/contacts legs only (no mail pass): its source is then the
     * first leg's file connector ({@code ical} or {@code vcard}) instead of a mail account.
     */
    public static boolean legsOnly(org.mailmigrator.core.model.Migration m) {
        return FILE_CONNECTORS.contains(m.source().connectorId());
    }

    /** The connectors reading a leg's source. */
    public static final java.util.Set<String> FILE_CONNECTORS = java.util.Set.of("ical", "vcard");

    public PimLeg withCredential(CredentialRef ref) {
        return new PimLeg(kind, source, target, ref);
    }
}
