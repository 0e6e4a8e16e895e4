package org.mailmigrator.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The headless command line, run in the OSGi framework with the test connectors installed. */
class CliTest {

    @Test
    void connectorsListsTheContributedConnectorsWithRolesKindsAndSettings() {
        CliRun run = CliRun.of("connectors");
        assertEquals(0, run.code(), run.err());
        String echo = line(run.out(), "test.echo");
        assertTrue(echo.contains("Echo (test)"), echo);
        assertTrue(echo.contains("source, destination"), echo);
        assertTrue(echo.contains("mail, calendar"), echo);
        assertTrue(echo.contains("host*, port=993, security=tls, login*, password* (secret)"), echo);
        assertTrue(run.out().contains("Skipped 6 broken contribution(s):"), run.out());
        assertTrue(run.out().contains("unknown role 'sink'"), run.out());
        assertTrue(run.out().lines().noneMatch(l -> l.startsWith("test.bad-role")), run.out());
    }

    @Test
    void versionNamesTheProductAndItsVersion() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.code());
        assertTrue(run.out().startsWith("Mail Migrator Workbench 0.1.0."), run.out());
        assertTrue(run.out().contains("Java " + Runtime.version().feature()), run.out());
    }

    @Test
    void helpListsTheCommands() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.code());
        assertTrue(run.out().contains("Usage: mailmigrator"), run.out());
        assertTrue(run.out().contains("connectors"), run.out());
        assertTrue(run.out().contains("Exit codes"), run.out());
    }

    @Test
    void aMissingOrUnknownCommandIsAUsageError() {
        CliRun none = CliRun.of();
        assertEquals(2, none.code());
        assertTrue(none.err().contains("Missing command"), none.err());
        CliRun unknown = CliRun.of("frobnicate");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("Unmatched argument at index 0: 'frobnicate'"), unknown.err());
    }

    private static String line(String out, String prefix) {
        List<String> lines = out.lines().filter(l -> l.startsWith(prefix + " ")).toList();
        assertEquals(1, lines.size(), out);
        return lines.get(0);
    }
}
