package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mailmigrator.core.engine.FolderPlan;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.internal.engine.FolderMapper;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.Namespace;

/** The mapping rules alone, without servers: every rename has a reason, clashes are refused by name. */
class FolderMapperTest {
    private static MailFolder f(String name, char sep, String... attrs) {
        return new MailFolder(name, sep, Set.of(attrs), true);
    }

    private static Map<String, FolderPlan> plan(FolderMapper m, List<MailFolder> src, MigrationSettings s) {
        return m.plan(src, s).stream().collect(Collectors.toMap(FolderPlan::source, p -> p));
    }

    @Test
    void specialUseAttributesWinOverNamesAndChildrenOfInboxStayUnderInbox() {
        FolderMapper m = new FolderMapper(new Namespace("", '/'), new Namespace("INBOX.", '.'),
                List.of(f("INBOX", '.'), f("INBOX.Sent Items", '.', "\\Sent"), f("INBOX.Deleted Items", '.')));
        Map<String, FolderPlan> p = plan(m, List.of(f("INBOX", '/'), f("INBOX/Receipts", '/'), f("Sent", '/', "\\Sent"),
                f("Corbeille", '/'), f("Projets/2024", '/'), f("Projets", '/', "\\Noselect")), MigrationSettings.defaults());
        assertEquals("INBOX", p.get("INBOX").destination());
        assertEquals("INBOX.Receipts", p.get("INBOX/Receipts").destination());
        assertEquals("INBOX.Sent Items", p.get("Sent").destination());
        assertTrue(p.get("Sent").reason().contains("special-use \\Sent"), p.get("Sent").reason());
        assertEquals("INBOX.Deleted Items", p.get("Corbeille").destination(), "usual names on both sides");
        assertEquals("INBOX.Projets.2024", p.get("Projets/2024").destination());
        assertTrue(p.get("Projets").create() && !p.get("Projets").selectable());
    }

    @Test
    void explicitMapsWinAndClashesAreRefusedNamingBothFolders() {
        FolderMapper m = new FolderMapper(new Namespace("", '/'), new Namespace("", '/'), List.of(f("INBOX", '/')));
        var settings = MigrationSettings.defaults().withFilters(List.of(), List.of(), Map.of("Old", "Archive/Old"));
        assertEquals("Archive/Old", plan(m, List.of(f("Old", '/')), settings).get("Old").destination());
        var clash = MigrationSettings.defaults().withFilters(List.of(), List.of(), Map.of("A", "B"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.plan(List.of(f("A", '/'), f("B", '/')), clash));
        assertTrue(e.getMessage().contains("'A'") && e.getMessage().contains("'B'"), e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> m.plan(List.of(f("A", '/')),
                MigrationSettings.defaults().withFilters(List.of("(unclosed"), List.of(), Map.of())));
        assertTrue(bad.getMessage().startsWith("--include '(unclosed' is not a regular expression"), bad.getMessage());
    }

    @Test
    void aFolderNamedLikeASpecialUseKeepsItsOwnFolderOnLaterRuns() {
        // no SPECIAL-USE on either side (GreenMail, older servers): Drafts, Entwürfe and Brouillons all look like
        // drafts by name; the first run created each under its own name, the next runs must find them there
        List<MailFolder> src = List.of(f("INBOX", '.'), f("Brouillons", '.'), f("Drafts", '.'), f("Entwürfe", '.'));
        FolderMapper again = new FolderMapper(new Namespace("", '.'), new Namespace("", '.'),
                List.of(f("INBOX", '.'), f("Drafts", '.'), f("Entwürfe", '.'), f("Brouillons", '.')));
        Map<String, FolderPlan> p = plan(again, src, MigrationSettings.defaults());
        assertEquals("Drafts", p.get("Drafts").destination());
        assertEquals("Entwürfe", p.get("Entwürfe").destination(), p.get("Entwürfe").reason());
        assertEquals("Brouillons", p.get("Brouillons").destination(), "also when the guessed one sorts first");
        assertEquals(4, p.size());
        // into a destination that has only Drafts, the guesses still meet there: refused, naming both
        FolderMapper first = new FolderMapper(new Namespace("", '.'), new Namespace("", '.'),
                List.of(f("INBOX", '.'), f("Drafts", '.')));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> first.plan(List.of(f("Drafts", '.'), f("Entwürfe", '.')), MigrationSettings.defaults()));
        assertTrue(e.getMessage().contains("'Drafts'") && e.getMessage().contains("'Entwürfe'"), e.getMessage());
    }
}
