package org.mailmigrator.connector.ews.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailmigrator.connector.ews.EwsConnector;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure;
import org.mailmigrator.testing.Dovecot;

/**
 * Mail from a real Dovecot into Exchange through EWS. Exchange is the EWS PROTOCOL FAKE ({@link FakeMail}, no
 * Exchange server can run in a test): it validates every request (messages only saved, never sent; MIME base64;
 * schema order; the MAPI properties that keep a MIME item from showing as a draft) and keeps the MIME bytes it
 * was sent, so the test compares them byte for byte with what the source holds.
 */
class EwsMailDestinationTest extends DovecotIntoEws {
    @TempDir
    Path state;

    @Test
    void everyMessageArrivesByteExactWithItsFlagsDateAndFolderAndASecondRunCreatesNothing() throws Exception {
        List<MailCorpus.Mail> mails = MailCorpus.standard();
        MailCorpus.load(dovecot, "full", mails);
        EwsMailRun pair = new EwsMailRun(dovecot, "full", fake, state);

        MigrationReport first = pair.run();
        assertEquals(Outcome.COMPLETED, first.outcome(), first.failure());
        assertEquals(mails.size(), first.copied());
        assertEquals(List.of(), fake.violations);
        assertEquals(0, fake.challenges, "preemptive authentication: no request may be challenged");
        assertEquals(List.of("Calendar", "Contacts", "Deleted Items", "Drafts", "Inbox", "Inbox/Receipts", "Junk E-mail",
                "Sent Items", "Work", "Work/Projects", "Éléments à classer"), fake.mail.paths(), "the folder tree, special folders mapped");
        for (var e : MailCorpus.EXCHANGE_FOLDER.entrySet()) {
            assertEquals(EwsMailRun.mimeOf(mails, e.getKey()), EwsMailRun.mimeIn(fake, e.getValue()), "MIME bytes in " + e.getValue());
        }
        for (MailCorpus.Mail m : mails) {
            FakeMail.Message stored = stored(m);
            assertEquals(m.date(), Instant.parse(stored.property("0x0E06:SystemTime")), "delivery time of " + m.subject());
            assertEquals(m.flags().contains("\\Seen"), stored.read, "read state of " + m.subject());
            assertEquals(m.flags().contains("\\Flagged") ? "2" : null, stored.property("0x1090:Integer"), "follow-up flag of " + m.subject());
            assertEquals(m.flags().stream().filter(f -> !f.startsWith("\\") && !f.equals("$Forwarded")).sorted().toList(),
                    stored.categories, "categories of " + m.subject());
            assertEquals(m.flags().contains("\\Answered") ? "102" : null, stored.property("0x1081:Integer"), "replied state of " + m.subject());
            assertEquals("0", Integer.toString(Integer.parseInt(stored.property("0x0E07:Integer")) & 8), "not a draft: " + m.subject());
        }

        int creates = count("CreateItem");
        MigrationReport second = pair.run();
        assertEquals(Outcome.COMPLETED, second.outcome(), second.failure());
        assertEquals(0, second.copied());
        assertEquals(0, second.flagsUpdated());
        assertEquals(mails.size(), second.alreadyPresent());
        assertEquals(creates, count("CreateItem"), "a second run sends no CreateItem");

        MailCorpus.Mail late = MailCorpus.mail("Work/Projects", "Arrived later", "<late@example.org>", Set.of("Client"),
                "2025-01-01T09:00:00Z", "");
        MailCorpus.load(dovecot, "full", List.of(late));
        MigrationReport third = pair.run();
        assertEquals(Outcome.COMPLETED, third.outcome(), third.failure());
        assertEquals(1, third.copied(), "only the new message is created");
        assertEquals(mails.size() + 1, fake.mail.messages.size());
        assertEquals(List.of("Client"), stored(late).categories);
        assertEquals(List.of(), fake.violations);
    }

    @Test
    void flagChangesAtTheSourceReachExchange() throws Exception {
        List<MailCorpus.Mail> mails = List.of(MailCorpus.mail("INBOX", "Unread first", "<u@example.org>", Set.of("Later"),
                "2020-01-01T00:00:00Z", ""));
        MailCorpus.load(dovecot, "flags", mails);
        EwsMailRun pair = new EwsMailRun(dovecot, "flags", fake, state);
        assertEquals(Outcome.COMPLETED, pair.run().outcome());
        try (var s = new ImapConnector().open(MailCorpus.imap(dovecot, "flags"), Role.DESTINATION,
                ConnectContext.of(Secret.of(Dovecot.PASSWORD)));
                var box = s.capability(MailStore.class).orElseThrow().open("INBOX", true)) {
            box.replaceFlags(Map.of(Set.of("\\Seen", "\\Flagged"), List.of("1"))); // and the keyword "Later" removed
        }
        MigrationReport r = pair.run();
        assertEquals(1, r.flagsUpdated(), r.toString());
        FakeMail.Message m = stored(mails.get(0));
        assertTrue(m.read);
        assertEquals("2", m.property("0x1090:Integer"));
        assertEquals(List.of(), m.categories, "the keyword removed at the source is no longer a category");
        assertEquals(List.of(), fake.violations);
    }

    @Test
    void aFlagChangeInABigFolderUpdatesThatMessageWithoutListingTheFolder() throws Exception {
        List<MailCorpus.Mail> mails = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            mails.add(MailCorpus.mail("INBOX", "Report " + i, "<r" + i + "@example.org>", Set.of(),
                    String.format("2020-01-01T00:%02d:00Z", i), ""));
        }
        MailCorpus.load(dovecot, "bigflags", mails);
        EwsMailRun pair = new EwsMailRun(dovecot, "bigflags", fake, state);
        assertEquals(mails.size(), pair.run().copied());
        try (var s = new ImapConnector().open(MailCorpus.imap(dovecot, "bigflags"), Role.DESTINATION,
                ConnectContext.of(Secret.of(Dovecot.PASSWORD)));
                var box = s.capability(MailStore.class).orElseThrow().open("INBOX", true)) {
            box.replaceFlags(Map.of(Set.of("\\Flagged"), List.of("7")));
        }
        int listed = fake.mail.listed.get();
        MigrationReport r = pair.run();
        assertEquals(Outcome.COMPLETED, r.outcome(), r.failure());
        assertEquals(1, r.flagsUpdated(), r.toString());
        assertEquals("2", stored(mails.get(6)).property("0x1090:Integer"), "the changed message is flagged in Exchange");
        int listedNow = fake.mail.listed.get() - listed;
        assertTrue(listedNow < 10, "one flag change listed " + listedNow + " messages of the folder's " + mails.size()
                + " (the message is read and updated by its ItemId)");
        assertTrue(fake.mail.gets.get() > 0, "GetItem by ItemId");
        assertEquals(List.of(), fake.violations);
    }

    @Test
    void withMirrorAMessageDeletedAtTheSourceIsSoftDeletedInExchange() throws Exception {
        List<MailCorpus.Mail> mails = List.of(MailCorpus.mail("INBOX", "Keep", "<k@example.org>", Set.of(), "2020-01-01T00:00:00Z", ""),
                MailCorpus.mail("INBOX", "Gone", "<g@example.org>", Set.of(), "2020-01-02T00:00:00Z", ""));
        MailCorpus.load(dovecot, "mirror", mails);
        EwsMailRun pair = new EwsMailRun(dovecot, "mirror", fake, state);
        assertEquals(Outcome.COMPLETED, pair.run().outcome());
        try (var s = new ImapConnector().open(MailCorpus.imap(dovecot, "mirror"), Role.DESTINATION,
                ConnectContext.of(Secret.of(Dovecot.PASSWORD)));
                var box = s.capability(MailStore.class).orElseThrow().open("INBOX", true)) {
            box.expunge(List.of("2"));
        }
        MigrationReport r = pair.run(EwsMailRun.fast().withMirror(true), MigrationListener.NONE, EwsRun.PASSWORD);
        assertEquals(Outcome.COMPLETED, r.outcome(), r.failure());
        assertEquals(1, r.removed());
        assertEquals(List.of("Keep"), fake.mail.messages.values().stream().map(FakeMail.Message::subject).toList());
        assertEquals(List.of("SoftDelete"), fake.mail.deleteTypes, "recoverable by the user, never a hard delete");
    }

    /**
     * Full Access delegation, the other way of OMM's delegation column: the administrator signs in as themself (no
     * ExchangeImpersonation header) and opens the other mailbox's folders by naming it in every DistinguishedFolderId.
     */
    @Test
    void withFullAccessTheAdministratorWritesIntoTheOtherMailboxNamedInEveryDistinguishedFolder() throws Exception {
        List<MailCorpus.Mail> mails = MailCorpus.standard();
        MailCorpus.load(dovecot, "delegate", mails);
        MigrationReport r = new EwsMailRun(dovecot, "delegate", fake, state).run(EwsMailRun.fast(), MigrationListener.NONE,
                EwsRun.PASSWORD, Map.of("mailbox", "bob@example.org", "access", "fullaccess"));
        assertEquals(Outcome.COMPLETED, r.outcome(), r.failure());
        assertEquals(mails.size(), fake.mail.messages.size());
        assertTrue(fake.impersonated.stream().allMatch(java.util.Objects::isNull), "no request impersonates: " + fake.impersonated);
        assertFalse(fake.distinguished.isEmpty());
        assertEquals(Set.of("bob@example.org"), Set.copyOf(fake.distinguished), "every well-known folder is bob's");
        assertEquals(List.of(), fake.violations);
    }

    @Test
    void fullAccessWithoutAMailboxIsRefusedByName() {
        AccountFailure e = assertThrows(AccountFailure.class, () -> new EwsConnector().open(EwsRun.ews(fake,
                Map.of("access", "fullaccess")), Role.DESTINATION, ConnectContext.of(Secret.of(EwsRun.PASSWORD))));
        assertTrue(e.getMessage().contains("access=fullaccess needs the mailbox to open"), e.getMessage());
        assertTrue(fake.operations.isEmpty(), "refused before any request");
    }

    @Test
    void aMailboxToImpersonateThatIsNoAddressIsRefusedByName() {
        AccountFailure e = assertThrows(AccountFailure.class, () -> new EwsConnector().open(EwsRun.ews(fake,
                Map.of("impersonate", "bob at example")), Role.SOURCE, ConnectContext.of(Secret.of(EwsRun.PASSWORD))));
        assertTrue(e.getMessage().contains("impersonate: 'bob at example' is not an SMTP address"), e.getMessage());
        assertTrue(fake.operations.isEmpty(), "refused before any request");
    }

    @ParameterizedTest(name = "refused with {0}")
    @ValueSource(strings = { "ErrorMessageSizeExceeded", "HTTP 413" })
    void anOverSizeMessageIsReportedByNameAndTheOthersArrive(String refusal) throws Exception {
        List<MailCorpus.Mail> mails = new ArrayList<>(MailCorpus.standard());
        char[] big = new char[200_000];
        Arrays.fill(big, 'x');
        MailCorpus.Mail huge = MailCorpus.mail("Work", "Scanned contract", "<scan@example.org>", Set.of(), "2022-02-02T02:02:02Z",
                new String(big).replaceAll("(.{76})", "$1\r\n") + "\r\n");
        mails.add(huge);
        String user = "big" + refusal.length();
        MailCorpus.load(dovecot, user, mails);
        if (refusal.startsWith("HTTP")) {
            fake.maxRequestBytes = 150_000; // the web server's request limit: the whole CreateItem is refused
        } else {
            fake.mail.maxMessageBytes = 100_000; // Exchange's message limit: that message is refused
        }
        MigrationReport r = new EwsMailRun(dovecot, user, fake, state).run();
        assertEquals(Outcome.ITEMS_SKIPPED, r.outcome(), r.failure());
        assertEquals(1, r.skipped().size(), r.skipped().toString());
        var skipped = r.skipped().get(0);
        assertEquals("Work", skipped.folder());
        assertEquals("Scanned contract", skipped.subject());
        assertTrue(skipped.reason().contains(refusal), skipped.reason());
        assertEquals(mails.size() - 1, r.copied());
        assertEquals(mails.size() - 1, fake.mail.messages.size());
        assertEquals(List.of(), fake.violations);
    }

    @Test
    void aWrongPasswordStopsWithALoginMessage() throws Exception {
        MailCorpus.load(dovecot, "wrongpw", List.of(MailCorpus.mail("INBOX", "x", null, Set.of(), "2020-01-01T00:00:00Z", "")));
        MigrationReport r = new EwsMailRun(dovecot, "wrongpw", fake, state).run(EwsMailRun.fast(), MigrationListener.NONE, "not-it");
        assertEquals(Outcome.AUTHENTICATION_FAILED, r.outcome(), r.failure());
        assertTrue(r.failure().toLowerCase(Locale.ROOT).contains("refused the login 'alice@example.org'"), r.failure());
        assertTrue(fake.mail.messages.isEmpty());
    }

    private FakeMail.Message stored(MailCorpus.Mail m) {
        List<FakeMail.Message> candidates = fake.mail.in(MailCorpus.EXCHANGE_FOLDER.get(m.folder())).stream()
                .filter(s -> Arrays.equals(s.mime, m.bytes()) && m.date().equals(Instant.parse(s.property("0x0E06:SystemTime"))))
                .toList();
        assertFalse(candidates.isEmpty(), "no message like '" + m.subject() + "' in Exchange");
        // the duplicate pair differs only in its flags: pick by read state when there are two
        return candidates.stream().filter(s -> s.read == m.flags().contains("\\Seen")).findFirst().orElse(candidates.get(0));
    }

    private int count(String operation) {
        return (int) fake.operations.stream().filter(operation::equals).count();
    }
}
