package org.mailmigrator.cli.internal.migrate;

import org.mailmigrator.core.engine.Outcome;

/** The exit codes of {@code mailmigrator migrate}; docs/cli-exit-codes.md lists them for administrators. */
public final class ExitCodes {
    static final int OK = 0;
    public static final int USAGE = 2;
    static final int CONNECTION = 3;
    static final int AUTHENTICATION = 4;
    static final int CERTIFICATE = 5;
    static final int ITEMS_SKIPPED = 6;
    static final int INTERRUPTED = 7;
    public static final int FAILED = 8;
    /** A daily transfer budget is spent: "waiting for quota until HH:MM"; run again after that time. */
    static final int WAITING_FOR_QUOTA = 10;

    private ExitCodes() {
    }

    public static int of(Outcome outcome) {
        return switch (outcome) {
            case COMPLETED -> OK;
            case ITEMS_SKIPPED -> ITEMS_SKIPPED;
            case CONNECTION_FAILED -> CONNECTION;
            case AUTHENTICATION_FAILED -> AUTHENTICATION;
            case CERTIFICATE_REJECTED -> CERTIFICATE;
            case INTERRUPTED -> INTERRUPTED;
            case ACCOUNT_FAILED -> FAILED;
            case WAITING_FOR_QUOTA -> WAITING_FOR_QUOTA;
        };
    }
}
