package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.notify.NotifierDescriptor;
import org.mailmigrator.batch.notify.Notifiers;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.extensions.RecordingNotifiers;

/**
 * The notifiers extension point: a third party's notifier (the test bundle's "recording") hears the events of a
 * real batch run (a file in the third party's CSV format, run by {@code batch run} against Dovecot: one pair
 * copies, one has a wrong password), beside the built-in e-mail notifier; a broken declaration is skipped.
 */
class ContributedNotifierTest {

    @Test
    void theRegistryListsTheEmailNotifierAndTheContributedOneAndSkipsTheBrokenOne() {
        Notifiers notifiers = new Notifiers(Platform.extensions());
        assertEquals(List.of("recording", "smtp"), notifiers.notifiers().stream().map(NotifierDescriptor::id).toList());
        assertEquals(1, notifiers.problems().size(), notifiers.problems().toString());
        assertTrue(notifiers.problems().get(0).contains("bundle org.mailmigrator.testing.extensions, notifier "
                + "'broken-no-class': attribute 'class' is missing"), notifiers.problems().toString());
    }

    @Test
    void aContributedNotifierHearsTheEventsOfARealBatchRun(@TempDir Path dir) throws Exception {
        try (Dovecot src = Dovecot.start(Dovecot.Layout.SLASH); Dovecot dst = Dovecot.start(Dovecot.Layout.SLASH)) {
            Mailboxes.fill(src, "n1", 4, 11, 0);
            Mailboxes.fill(src, "n2", 4, 12, 0);
            String hosts = "imap://127.0.0.1:" + src.imapPort() + ">imap://127.0.0.1:" + dst.imapPort();
            Path file = dir.resolve("pairs.acme");
            Files.writeString(file, "src_user;src_password;dst_user;dst_password;hosts\n"
                    + "n1;testpass;n1;testpass;" + hosts + "\n"
                    + "n2;wrong-password;n2;testpass;" + hosts + "\n");
            Path ws = dir.resolve("ws");
            CliRun imported = CliRun.of("batch", "import", file.toString(), "--workspace", ws.toString(), "--name", "acme");
            assertEquals(0, imported.code(), imported.toString());
            assertTrue(imported.out().contains("(acme, UTF-8)"), imported.out());

            CliRun run = CliRun.of("batch", "run", "acme", "--workspace", ws.toString(), "--allow-plaintext");
            assertEquals(8, run.code(), "one migration failed: " + run);
            assertFalse(run.err().contains("SMTP"), "no notification address: the e-mail notifier stays silent: " + run.err());

            List<String> events = RecordingNotifiers.events(ws, "acme");
            assertEquals(4, events.size(), events.toString());
            assertEquals("started acme with 2", events.get(0));
            assertTrue(events.get(1).startsWith("failed 00003-n2: ") && events.get(1).contains("login"), events.toString());
            assertFalse(events.toString().contains("wrong-password"), "no password in an event: " + events);
            assertTrue(events.get(2).matches("finished acme: 1 failed, \\d+ messages"), events.toString());
            assertFalse(events.get(2).startsWith("finished acme: 1 failed, 0 messages"), "n1 was copied: " + events);
            assertEquals("closed", events.get(3));
            assertEquals(Mailboxes.snapshot(src, "n1"), Mailboxes.snapshot(dst, "n1"), "n1 copied whole");
        }
    }
}
