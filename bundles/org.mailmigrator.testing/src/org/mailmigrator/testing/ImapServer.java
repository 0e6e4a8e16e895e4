package org.mailmigrator.testing;

/**
 * An IMAP server started by a test on loopback, whatever its make: what a test needs to log in, and to stop it.
 * Every user the fixture was asked for logs in with {@link #password()}.
 */
public interface ImapServer extends AutoCloseable {
    /** A short name for test reports, e.g. {@code cyrus-slash}. */
    String name();

    default String host() {
        return Dovecot.HOST;
    }

    int imapPort();

    default String password() {
        return Dovecot.PASSWORD;
    }

    /** The server's own log, for a failure message. */
    String log();

    @Override
    void close();
}
