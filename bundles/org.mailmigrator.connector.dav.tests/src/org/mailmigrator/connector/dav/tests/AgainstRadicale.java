package org.mailmigrator.connector.dav.tests;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.Radicale;

/** A test against a fresh real Radicale on loopback, started in a temporary folder and stopped after each test. */
abstract class AgainstRadicale {
    @TempDir
    Path dir;
    Radicale server;

    @BeforeEach
    void startRadicale() throws Exception {
        server = Radicale.start(Files.createDirectories(dir.resolve("radicale")));
    }

    @AfterEach
    void stopRadicale() throws Exception {
        server.close();
    }
}
