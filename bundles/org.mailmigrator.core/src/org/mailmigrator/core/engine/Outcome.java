package org.mailmigrator.core.engine;

import org.mailmigrator.core.spi.ConnectorException.AccountFailure;

/**
 * How a run ended, most important first: the command line turns each into its own exit code. A mail run and a
 * calendar/contacts run map an account failure the same way ({@link #of(AccountFailure.Reason)}).
 */
public enum Outcome {
    /** Everything selected is on the destination. */
    COMPLETED,
    /** The run finished, but some messages were refused and skipped (listed in the report). */
    ITEMS_SKIPPED,
    /** A server could not be reached (unknown host, refused, timed out, TLS failure). */
    CONNECTION_FAILED,
    /** A server refused the login. */
    AUTHENTICATION_FAILED,
    /** A server's certificate is not trusted (and no fingerprint or trust store vouches for it). */
    CERTIFICATE_REJECTED,
    /** Another account-level problem: a folder cannot be created, a setting is wrong, the state store fails. */
    ACCOUNT_FAILED,
    /** The run was stopped before its end (signal, cancel); running it again resumes. */
    INTERRUPTED,
    /**
     * An account's daily transfer budget is spent: what was copied is recorded, and a run after the time the
     * report's failure names ("waiting for quota until HH:MM") goes on.
     */
    WAITING_FOR_QUOTA;

    /** The outcome of an account failure by its reason (null: a failure of no known kind, {@link #ACCOUNT_FAILED}). */
    public static Outcome of(AccountFailure.Reason reason) {
        if (reason == null) {
            return ACCOUNT_FAILED;
        }
        return switch (reason) {
            case CONNECTION -> CONNECTION_FAILED;
            case AUTHENTICATION -> AUTHENTICATION_FAILED;
            case CERTIFICATE -> CERTIFICATE_REJECTED;
            case CONFIGURATION -> ACCOUNT_FAILED;
        };
    }
}
