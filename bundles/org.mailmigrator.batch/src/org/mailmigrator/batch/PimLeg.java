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

    public PimLeg withCredential(CredentialRef ref) {
        return new PimLeg(kind, source, target, ref);
    }
}
