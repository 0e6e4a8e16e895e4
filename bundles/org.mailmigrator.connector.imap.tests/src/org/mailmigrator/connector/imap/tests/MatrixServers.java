package org.mailmigrator.connector.imap.tests;

import java.util.List;

import org.mailmigrator.testing.Courier;
import org.mailmigrator.testing.Cyrus;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Hoodiecrow;
import org.mailmigrator.testing.ImapServer;

/**
 * The IMAP servers of the scenario matrix, each run against Dovecot as destination and as source. Adding a
 * server is one line: its name and how to start it with the given users (who log in with its password).
 */
final class MatrixServers {
    interface Starter {
        ImapServer start(List<String> users) throws Exception;
    }

    /**
     * @param onePerRole a server of its own for each role (hoodiecrow keeps one mailbox for all its users, so the
     *     destination run's messages would show up in the source account)
     */
    record Kind(String name, Starter starter, boolean onePerRole) {
        Kind(String name, Starter starter) {
            this(name, starter, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Kind> ALL = List.of(
            new Kind("dovecot-inbox-dot", users -> Dovecot.start(Dovecot.Layout.INBOX_PREFIX)),
            new Kind("cyrus-inbox-dot", users -> Cyrus.start(Cyrus.Layout.INBOX_DOT, users)),
            new Kind("cyrus-slash", users -> Cyrus.start(Cyrus.Layout.SLASH, users)),
            new Kind("courier", Courier::start),
            new Kind("hoodiecrow", Hoodiecrow::startEmpty, true));

    /** The users every matrix server is started with: one account per direction. */
    static final List<String> USERS = List.of("xsrc", "xdst");

    private MatrixServers() {
    }
}
