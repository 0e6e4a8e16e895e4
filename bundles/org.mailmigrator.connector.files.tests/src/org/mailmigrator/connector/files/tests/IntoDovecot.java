package org.mailmigrator.connector.files.tests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mailmigrator.testing.Dovecot;

/** One real Dovecot on loopback (slash hierarchy) for the tests of a class, each test writing to users of its own. */
abstract class IntoDovecot {
    static Dovecot dovecot;

    @BeforeAll
    static void start() throws Exception {
        dovecot = Dovecot.start(Dovecot.Layout.SLASH);
    }

    @AfterAll
    static void stop() {
        if (dovecot != null) {
            dovecot.close();
        }
    }
}
