package org.mailmigrator.connector.ews.tests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.mailmigrator.testing.Dovecot;

/**
 * What the Exchange-as-source tests share: one real Dovecot per test class as the destination (each test uses its
 * own accounts), and a fresh EWS PROTOCOL FAKE per test as the Exchange source, checking its own answers against the
 * schema too and answering FindItem 5 items at a time (so that paging is exercised).
 */
abstract class ExchangeIntoDovecot {
    static Dovecot dovecot;
    EwsProtocolFake fake;

    @BeforeAll
    static void startDovecot() throws Exception {
        dovecot = Dovecot.start(Dovecot.Layout.SLASH);
    }

    @AfterAll
    static void stopDovecot() {
        dovecot.close();
    }

    @BeforeEach
    void startFake() throws Exception {
        fake = new EwsProtocolFake(EwsRun.LOGIN, EwsRun.PASSWORD);
        fake.checkResponses = true;
        fake.mail.maxPage = 5;
    }

    @AfterEach
    void stopFake() throws Exception {
        fake.close();
    }
}
