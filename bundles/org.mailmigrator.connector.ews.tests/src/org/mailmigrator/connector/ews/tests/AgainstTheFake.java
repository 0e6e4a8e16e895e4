package org.mailmigrator.connector.ews.tests;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A PIM test against a fresh {@link EwsProtocolFake} (a PROTOCOL FAKE, not Exchange) and a temporary folder. */
abstract class AgainstTheFake {
    @TempDir
    Path dir;
    EwsProtocolFake fake;

    @BeforeEach
    void start() throws Exception {
        fake = new EwsProtocolFake(EwsRun.LOGIN, EwsRun.PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        fake.close();
    }
}
