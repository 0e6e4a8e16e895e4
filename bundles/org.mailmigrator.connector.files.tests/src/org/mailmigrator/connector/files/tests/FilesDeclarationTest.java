package org.mailmigrator.connector.files.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.connector.SettingType;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * The bundle's declaration as the workbench and the batch runner read it (the platform's extension registry): a
 * mail source with settings path, format and fromQuoting, opened by id; wrong input refused naming the path.
 */
class FilesDeclarationTest {
    private final ConnectorRegistry registry = new ConnectorRegistry(org.eclipse.core.runtime.RegistryFactory.getRegistry()); // a test is an edge

    @TempDir
    Path tmp;

    @Test
    void itsEndpointIsAPathAndItsSchemesForceTheFormat() {
        ConnectorDescriptor d = registry.find("files").orElseThrow();
        assertTrue(d.addressing().pathValued());
        assertEquals(List.of("mbox", "maildir", "eml", "mh", "takeout"), d.schemes().stream().map(s -> s.name()).toList());
        assertEquals("files", registry.forScheme("maildir").orElseThrow().id());
        Account forced = d.parse(java.net.URI.create("maildir:/home/me/Mail"), false);
        assertEquals(Map.of("path", "/home/me/Mail", "format", "maildir"), forced.settings());
        assertEquals(java.util.Optional.empty(), d.endpointHost(forced), "a path is no host: no per-host limit");
        assertEquals(Map.of("path", "/x/Inbox"), d.addressing().atPath("files", java.util.Optional.empty(), "/x/Inbox").settings());
    }

    @Test
    void theConnectorIsDeclaredAndOpensAMaildirById() throws Exception {
        assertTrue(registry.problems().stream().noneMatch(p -> p.contains("'files'")), registry.problems().toString());
        ConnectorDescriptor d = registry.find("files").orElseThrow();
        assertTrue(d.canRead());
        assertFalse(d.canWrite());
        assertEquals(SettingType.FILE, d.setting("path").orElseThrow().type());
        assertTrue(d.setting("path").orElseThrow().required());
        assertEquals(List.of("auto", "mbox", "maildir", "eml", "mh", "takeout"), d.setting("format").orElseThrow().choices());
        assertEquals(List.of("mboxrd", "keep"), d.setting("fromQuoting").orElseThrow().choices());
        Path maildir = Data.copy(Data.realWorld("notmuch", "Maildir"), tmp.resolve("m"));
        try (ConnectorSession s = registry.create("files").open(Run.files(maildir, "auto"), Role.SOURCE, Run.CTX)) {
            assertEquals(List.of("INBOX", "bar/baz", "foo"),
                    Run.store(s).folders().stream().map(MailFolder::name).sorted().toList());
        }
    }

    @Test
    void wrongInputIsRefusedNamingThePath() throws Exception {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "Dear diary\n");
        var e = assertThrows(ConnectorException.AccountFailure.class,
                () -> registry.create("files").open(Run.files(notes, "auto"), Role.SOURCE, Run.CTX));
        assertTrue(e.getMessage().contains(notes.toString()) && e.getMessage().contains("not an mbox"), e.getMessage());
        var missing = tmp.resolve("nowhere");
        e = assertThrows(ConnectorException.AccountFailure.class,
                () -> registry.create("files").open(Run.files(missing, "auto"), Role.SOURCE, Run.CTX));
        assertTrue(e.getMessage().contains(missing + " does not exist"), e.getMessage());
        e = assertThrows(ConnectorException.AccountFailure.class, () -> registry.create("files")
                .open(new Account("files", Map.of("path", tmp.toString()), null), Role.DESTINATION, Run.CTX));
        assertTrue(e.getMessage().contains("only be a source"), e.getMessage());
        e = assertThrows(ConnectorException.AccountFailure.class,
                () -> registry.create("files").open(Run.files(tmp, "maildir"), Role.SOURCE, Run.CTX));
        assertTrue(e.getMessage().contains("is not a Maildir"), e.getMessage());
    }
}
