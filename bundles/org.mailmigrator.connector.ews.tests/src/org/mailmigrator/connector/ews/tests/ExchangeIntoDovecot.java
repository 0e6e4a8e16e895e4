package org.mailmigrator.connector.ews.tests;

import org.junit.jupiter.api.BeforeEach;

/**
 * What the Exchange-as-source tests share: the real Dovecot of {@link DovecotIntoEws} (one per test class, each test
 * with its own accounts) as the destination, and its fresh EWS PROTOCOL FAKE per test as the Exchange source, here
 * checking its own answers against the schema too and answering FindItem 5 items at a time (so that paging is
 * exercised).
 */
abstract class ExchangeIntoDovecot extends DovecotIntoEws {

    @BeforeEach
    void fakeAsSource() {
        fake.checkResponses = true;
        fake.mail.maxPage = 5;
    }
}
