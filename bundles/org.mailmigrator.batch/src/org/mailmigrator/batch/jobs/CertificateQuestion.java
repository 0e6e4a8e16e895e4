package org.mailmigrator.batch.jobs;

/**
 * Asks a person about a certificate nothing vouches for: the workbench in a dialog, the command line by
 * printing the facts and the flag to pass (and refusing). Called from job threads, once per host and
 * certificate ({@link CertificateGate} sees to that).
 */
@FunctionalInterface
public interface CertificateQuestion {

    /** The answer: for this process, for good (stored in the workspace), or not. */
    enum Answer {
        ONCE, ALWAYS, REFUSE
    }

    Answer ask(UntrustedCertificate certificate);
}
