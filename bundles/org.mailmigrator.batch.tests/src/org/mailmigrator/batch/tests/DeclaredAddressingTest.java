package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.Labels;
import org.mailmigrator.batch.PimLeg;
import org.mailmigrator.batch.csv.CsvImporter;
import org.mailmigrator.batch.csv.ImportOptions;
import org.mailmigrator.batch.csv.ImportProblem;
import org.mailmigrator.batch.csv.ImportResult;
import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.batch.run.PimTarget;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.ItemKind;

/**
 * Calendar/contacts targets and account labels come from what connectors declare (issue 13): a target's connector,
 * account settings and item kinds from the connector that declares its URL scheme; a label from the declared login
 * and endpoint settings, whatever they are called.
 */
class DeclaredAddressingTest {
    private final ConnectorRegistry registry = new ConnectorRegistry(RegistryFactory.getRegistry());
    private final ConnectorFactory connectors = ConnectorFactory.of(registry);

    @Test
    void aCalDavTargetIsTheAccountTheDavConnectorsSchemeDeclares() {
        PimTarget t = PimTarget.parse("caldav+https://ann%40example.com@dav.example:8443/cal/ann/", PimLeg.Kind.CALENDAR,
                registry.connectors());
        Account a = t.account(connectors, false, new CredentialRef("row/calendar"));
        assertEquals("dav", a.connectorId());
        assertEquals("https://dav.example:8443/cal/ann/", a.setting("url").orElseThrow());
        assertEquals("ann@example.com", a.setting("login").orElseThrow());
        assertEquals("true", a.setting("create").orElseThrow(), "the scheme's settings: a missing collection is created");
        assertFalse(a.setting("allowPlaintext").isPresent(), "nothing allowed unless the run allows it: " + a.settings());
        assertEquals(new CredentialRef("row/calendar"), a.credential());
        assertEquals(Set.of(ItemKind.CALENDAR, ItemKind.TASKS), t.declared(connectors).kinds());
        assertEquals("true", PimTarget.parse("caldav+http://ann@dav.example/cal/", true).account(connectors, true, null)
                .setting("allowPlaintext").orElseThrow(), "whenPlaintextAllowed of caldav+http");
    }

    @Test
    void cardDavAndExchangeTargetsTakeTheKindsTheirSchemesCarry() {
        assertEquals(Set.of(ItemKind.CONTACTS), PimTarget.parse("carddav+https://ann@dav.example/card/", true)
                .declared(connectors).kinds());
        PimTarget ews = PimTarget.parse("ews+https://ann@mail.example/EWS/Exchange.asmx", true);
        assertEquals(Set.of(ItemKind.CALENDAR, ItemKind.TASKS, ItemKind.CONTACTS), ews.declared(connectors).kinds(),
                "the Exchange scheme carries every kind of its connector; mail is not a leg's");
        Account a = ews.account(connectors, false, null);
        assertEquals("ews", a.connectorId());
        assertEquals("https://mail.example/EWS/Exchange.asmx", a.setting("url").orElseThrow());
        assertEquals(new CredentialRef("ann@mail.example"), a.credential(), "a command line's password: LOGIN@HOST");
    }

    @Test
    void aTargetWhoseSchemeNoConnectorDeclaresIsRefusedInWords() {
        ConnectorFactory undeclared = id -> connectors.create(id); // a factory that knows no declarations
        PimTarget t = PimTarget.parse("caldav+https://ann@dav.example/cal/", true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.account(undeclared, false, null));
        assertTrue(e.getMessage().contains("no installed connector takes caldav+https:// URLs"), e.getMessage());
    }

    /**
     * A batch file's calendar/contacts target is checked against the URL schemes the installed connectors declare for
     * the leg's items, not a list of prefixes: a third party's contacts scheme (the test connector's web+https) is
     * taken for a contacts leg and the row's destination is that connector's; for a calendar leg it is refused with
     * the schemes that take calendars; an importer without declarations says none is installed.
     */
    @Test
    void aCsvTargetMustHaveASchemeAConnectorDeclaresForItsLeg(@TempDir Path dir) throws Exception {
        Path vcf = Files.writeString(dir.resolve("ann.vcf"), "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\nEND:VCARD\r\n");
        Path ics = Files.writeString(dir.resolve("ann.ics"), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
                + "END:VCALENDAR\r\n");
        byte[] contacts = ("contacts.source,contacts.target,contacts.password\n" + vcf
                + ",web+https://ann@web.example/card/,pw\n").getBytes(StandardCharsets.UTF_8);
        ImportResult taken = Platform.importer(registry).read(contacts, ImportOptions.auto());
        assertEquals(List.of(), taken.problems());
        assertEquals("test.web", taken.pairs().get(0).migration().destination().connectorId(),
                "the connector that declares web+https holds the destination");

        byte[] calendar = ("calendar.source,calendar.target,calendar.password\n" + ics
                + ",web+https://ann@web.example/cal/,pw\n").getBytes(StandardCharsets.UTF_8);
        ImportResult refused = Platform.importer(registry).read(calendar, ImportOptions.auto());
        assertEquals(List.of(), refused.pairs());
        assertEquals(List.of("'web+https://ann@web.example/cal/' must start with caldav+https:// or ews+https://"),
                refused.problems().stream().map(ImportProblem::reason).toList(), "web+https is declared for contacts only");
        assertEquals("calendar.target", refused.problems().get(0).columnName());

        ImportResult undeclared = new CsvImporter(id -> null, Platform.formats()).read(contacts, ImportOptions.auto());
        assertEquals(List.of("'web+https://ann@web.example/card/' must start with the URL scheme of an installed contacts "
                + "connector (none is installed)"), undeclared.problems().stream().map(ImportProblem::reason).toList());
    }

    @Test
    void aLabelReadsTheLoginAndEndpointTheConnectorDeclares() {
        Account contributed = new Account("test.addressed", Map.of("server", "mx.example", "user", "ann"), null);
        assertEquals("ann@mx.example", Labels.account(contributed, connectors));
        assertEquals("test.addressed account", Labels.account(contributed, id -> connectors.create(id)),
                "a factory without declarations (a benchmark's lambda) knows no login or endpoint");
        assertEquals("ann@?", Labels.account(new Account("test.addressed", Map.of("user", "ann"), null), connectors));
        Account imap = new Account("imap", Map.of("host", "Mail.Example", "login", "bob"), null);
        assertEquals("bob@Mail.Example", Labels.account(imap, connectors), "the host as written, as before");
        Account ews = new Account("ews", Map.of("url", "https://outlook.example/EWS/Exchange.asmx", "login", "eve"), null);
        assertEquals("eve@outlook.example", Labels.account(ews, connectors));
        Account file = new Account("ical", Map.of("path", "/data/ann/calendar.ics"), null);
        assertEquals("calendar.ics", Labels.account(file, connectors), "a file source by its name");
        Account mbox = new Account("files", Map.of("path", "/data/ann/Inbox.mbox", "format", "mbox"), null);
        assertEquals("files account", Labels.account(mbox, connectors), "the files connector is not installed here: "
                + "no declaration says which setting is its endpoint");
        Account web = new Account("test.web", Map.of("address", "https://web.example/card/", "user", "ann"), null);
        assertEquals("ann@web.example", Labels.account(web, connectors), "the URL setting 'address' is its endpoint");
    }
}
