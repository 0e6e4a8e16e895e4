package org.mailmigrator.core.spi;

/**
 * Why a connector operation failed, typed by what the engine must do about it: retry later, back off,
 * skip the item and report it, or stop this account pair.
 */
public sealed class ConnectorException extends Exception {
    private static final long serialVersionUID = 1L;

    private ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The network or server failed for now: retry with backoff. */
    public static final class TransientFailure extends ConnectorException {
        private static final long serialVersionUID = 1L;

        public TransientFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The server asked to slow down: wait at least {@link #backOffMillis()} before the next request. */
    public static final class Throttled extends ConnectorException {
        private static final long serialVersionUID = 1L;
        private final long backOffMillis;

        public Throttled(String message, long backOffMillis, Throwable cause) {
            super(message, cause);
            this.backOffMillis = backOffMillis;
        }

        public long backOffMillis() {
            return backOffMillis;
        }
    }

    /** One item cannot be copied (too big, refused, malformed): skip it, report it, go on. */
    public static final class ItemFailure extends ConnectorException {
        private static final long serialVersionUID = 1L;

        public ItemFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Settings, credential or certificate are wrong: stop this pair; retrying will not help. */
    public static final class AccountFailure extends ConnectorException {
        private static final long serialVersionUID = 1L;
        private final Reason reason;

        /** What is wrong, so that callers (the command line's exit codes) can tell the cases apart. */
        public enum Reason {
            /** A setting, a folder or the local state is wrong. */
            CONFIGURATION,
            /** The server cannot be reached: unknown host, refused, TLS not offered or failing. */
            CONNECTION,
            /** The server refused the login. */
            AUTHENTICATION,
            /** The server's certificate is not trusted. */
            CERTIFICATE
        }

        public AccountFailure(String message, Throwable cause) {
            this(message, Reason.CONFIGURATION, cause);
        }

        public AccountFailure(String message, Reason reason, Throwable cause) {
            super(message, cause);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }
}
