package org.mailmigrator.connector.ews.tests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.mailmigrator.testing.Dovecot;

/**
 * What the mail tests share: one real Dovecot per test class (each test uses its own accounts) as the source,
 * and a fresh EWS PROTOCOL FAKE per test as the Exchange destination (the other way round in
 * {@link ExchangeIntoDovecot}).
 */
abstract class DovecotIntoEws {
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
    }

    @AfterEach
    void stopFake() throws Exception {
        fake.close();
    }
}
