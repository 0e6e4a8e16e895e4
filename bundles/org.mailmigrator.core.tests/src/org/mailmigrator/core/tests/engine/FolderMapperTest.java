package org.mailmigrator.core.tests.engine;

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

    @Test
    void specialUseAttributesCountAtAnyDepthLikeGmailsSentMail() {
        // Gmail-like source: [Gmail] is a \Noselect container, its children carry the attributes
        FolderMapper m = new FolderMapper(new Namespace("", '/'), new Namespace("INBOX.", '.'),
                List.of(f("INBOX", '.'), f("INBOX.Sent", '.', "\\Sent"), f("INBOX.Drafts", '.', "\\Drafts"),
                        f("INBOX.Trash", '.', "\\Trash"), f("INBOX.Junk", '.', "\\Junk")));
        Map<String, FolderPlan> p = plan(m, List.of(f("INBOX", '/'), f("[Gmail]", '/', "\\Noselect"),
                f("[Gmail]/Sent Mail", '/', "\\Sent"), f("[Gmail]/Drafts", '/', "\\Drafts"),
                f("[Gmail]/Bin", '/', "\\Trash"), f("[Gmail]/Spam", '/', "\\Junk"), f("Sent Items", '/'),
                f("Projects/2019/Sent", '/')), MigrationSettings.defaults());
        assertEquals("INBOX.Sent", p.get("[Gmail]/Sent Mail").destination(), p.get("[Gmail]/Sent Mail").reason());
        assertEquals("INBOX.Drafts", p.get("[Gmail]/Drafts").destination());
        assertEquals("INBOX.Trash", p.get("[Gmail]/Bin").destination());
        assertEquals("INBOX.Junk", p.get("[Gmail]/Spam").destination());
        assertTrue(p.get("[Gmail]/Sent Mail").reason().contains("special-use \\Sent"));
        // a folder only named "Sent" yields to the one marked \Sent, and a deep "Sent" is just a folder
        assertEquals("INBOX.Sent Items", p.get("Sent Items").destination(), p.get("Sent Items").reason());
        assertEquals("INBOX.Projects.2019.Sent", p.get("Projects/2019/Sent").destination());
    }

    @Test
    void usualNamesMapWhenTheDestinationHasNoSpecialUseLikeCourier() {
        // Courier: no SPECIAL-USE; its folders are known by their usual names under INBOX.
        FolderMapper m = new FolderMapper(new Namespace("", '/'), new Namespace("INBOX.", '.'),
                List.of(f("INBOX", '.'), f("INBOX.Work", '.'), f("INBOX.Work.Sent", '.'), f("INBOX.Sent", '.'),
                        f("INBOX.Trash", '.'), f("INBOX.Archive", '.')));
        Map<String, FolderPlan> p = plan(m, List.of(f("Éléments envoyés", '/'), f("Gelöschte Elemente", '/'),
                f("Spam", '/', "\\Junk"), f("INBOX/Drafts", '/')), MigrationSettings.defaults());
        assertEquals("INBOX.Sent", p.get("Éléments envoyés").destination(), "not INBOX.Work.Sent: only top-level names count");
        assertEquals("INBOX.Trash", p.get("Gelöschte Elemente").destination());
        assertEquals("INBOX.Spam", p.get("Spam").destination(), "no junk folder on the destination: kept by name");
        assertEquals("INBOX.Drafts", p.get("INBOX/Drafts").destination());
        // and from a server without SPECIAL-USE (Courier) to one with it: "INBOX.Sent Items" is the Sent folder
        FolderMapper back = new FolderMapper(new Namespace("INBOX.", '.'), new Namespace("", '/'),
                List.of(f("INBOX", '/'), f("Sent", '/', "\\Sent"), f("Trash", '/', "\\Trash")));
        Map<String, FolderPlan> q = plan(back, List.of(f("INBOX", '.'), f("INBOX.Sent Items", '.'),
                f("INBOX.Papierkorb", '.')), MigrationSettings.defaults());
        assertEquals("Sent", q.get("INBOX.Sent Items").destination(), q.get("INBOX.Sent Items").reason());
        assertEquals("Trash", q.get("INBOX.Papierkorb").destination());
    }

    @Test
    void namesTheDestinationCannotHoldAreReplacedWithTheReasonInThePlan() {
        List<MailFolder> src = List.of(f("INBOX", '/'), f("Photos 📷", '/'), f("Caf\u00e9 & Co", '/'));
        // Courier announces UTF8=ACCEPT: an emoji name would break every non-UTF-8 client's LIST
        FolderMapper courier = new FolderMapper(new Namespace("", '/'), new Namespace("INBOX.", '.'),
                List.of(f("INBOX", '.')), List.of("IMAP4rev1", "ENABLE", "UTF8=ACCEPT"));
        Map<String, FolderPlan> p = plan(courier, src, MigrationSettings.defaults());
        assertEquals("INBOX.Photos _", p.get("Photos 📷").destination());
        assertTrue(p.get("Photos 📷").reason().contains("Basic Multilingual Plane"), p.get("Photos 📷").reason());
        assertEquals("INBOX.Caf\u00e9 & Co", p.get("Caf\u00e9 & Co").destination(), "other non-ASCII names are kept");
        // Dovecot/Cyrus (no UTF8=ACCEPT) keep the emoji (modified UTF-7 carries it)
        FolderMapper dovecot = new FolderMapper(new Namespace("", '/'), new Namespace("", '/'),
                List.of(f("INBOX", '/')), List.of("IMAP4rev1"));
        assertEquals("Photos 📷", plan(dovecot, src, MigrationSettings.defaults()).get("Photos 📷").destination());
        // '/' inside a name cannot be held by a '.'-separated server (Courier, Cyrus, Maildir++)
        FolderMapper dots = new FolderMapper(new Namespace("", '.'), new Namespace("INBOX.", '.'), List.of(f("INBOX", '.')));
        FolderPlan slash = plan(dots, List.of(f("A/B testing", '.')), MigrationSettings.defaults()).get("A/B testing");
        assertEquals("INBOX.A_B testing", slash.destination());
        assertTrue(slash.reason().contains("'/'"), slash.reason());
    }
}
