package org.mailmigrator.connector.dav.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mailmigrator.connector.ical.internal.IcsFolderReader;
import org.mailmigrator.core.pim.PimEntry;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;
import org.mailmigrator.testing.Radicale;

/** Wrong password, TLS against a plain port, nothing listening, plaintext not allowed, no collection, not a calendar. */
class DavFailuresTest extends AgainstRadicale {

    @Test
    void aWrongPasswordIsAnAuthenticationFailureNamingTheLogin() {
        AccountFailure f = assertThrows(AccountFailure.class, () -> Pim.openDav(Pim.dav(server, Map.of()), "wrong"));
        assertEquals(Reason.AUTHENTICATION, f.reason());
        assertTrue(f.getMessage().contains("refused the login 'alice'") && f.getMessage().contains("401"), f.getMessage());
    }

    @Test
    void httpsAgainstAPlainHttpServerIsAConnectionFailureNamingHostAndPort() {
        String url = "https://127.0.0.1:" + server.port() + "/";
        AccountFailure f = assertThrows(AccountFailure.class, () -> Pim.openDav(Pim.dav(server, Map.of("url", url)), Radicale.PASSWORD));
        assertTrue(f.reason() == Reason.CONNECTION || f.reason() == Reason.CERTIFICATE, f.reason().toString());
        assertTrue(f.getMessage().contains("TLS with 127.0.0.1:" + server.port()), f.getMessage());
    }

    @Test
    void nothingListeningIsAConnectionFailure() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        AccountFailure f = assertThrows(AccountFailure.class, () -> Pim.openDav(
                Pim.dav(server, Map.of("url", "http://127.0.0.1:" + closed + "/")), Radicale.PASSWORD));
        assertEquals(Reason.CONNECTION, f.reason());
        assertTrue(f.getMessage().contains("cannot connect to 127.0.0.1:" + closed), f.getMessage());
    }

    @Test
    void plainHttpNeedsAnExplicitPermission() {
        AccountFailure f = assertThrows(AccountFailure.class, () -> Pim.openDav(
                Pim.dav(server, Map.of("allowPlaintext", "false")), Radicale.PASSWORD));
        assertTrue(f.getMessage().contains("without TLS"), f.getMessage());
    }

    @Test
    void aMissingCollectionIsNotCreatedUnlessAllowed() throws Exception {
        PimEntry.Item item = (PimEntry.Item) Pim.entries(new IcsFolderReader(Corpus.file("ics", "tasks.ics"), Optional.empty())).get(0);
        try (var session = Pim.openDav(Pim.dav(server, Map.of("create", "false")), Radicale.PASSWORD)) {
            var writer = session.capability(org.mailmigrator.core.pim.PimWriter.class).orElseThrow();
            AccountFailure f = assertThrows(AccountFailure.class, () -> writer.write(item.item(), Optional.empty()));
            assertTrue(f.getMessage().contains("/alice/tasks/ does not exist"), f.getMessage());
        }
    }

    @Test
    void aFileThatIsNotACalendarIsReportedAsSuch() throws Exception {
        Path notIcs = Files.writeString(dir.resolve("notes.ics"), "just some notes\nnothing else\n");
        var entries = Pim.entries(new IcsFolderReader(notIcs, Optional.empty()));
        assertEquals(1, entries.size());
        PimEntry.Malformed m = (PimEntry.Malformed) entries.get(0);
        assertEquals("notes.ics", m.origin());
        assertTrue(m.reason().contains("not an iCalendar file"), m.reason());
    }
}
