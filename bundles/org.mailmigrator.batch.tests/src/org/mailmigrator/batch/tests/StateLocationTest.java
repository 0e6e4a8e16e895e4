package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.Dovecot;

/**
 * {@code migrate}'s state lives in the workspace (one rule with the batches); the state an earlier release
 * kept in {@code ~/.mailmigrator/state} is moved into the workspace by the pair's next run, which then copies
 * nothing again (it knows the copies from its state: it does not have to find them on the destination), and
 * says so once. Run against a real Dovecot with the command line of this framework.
 */
class StateLocationTest {

    @Test
    void anEarlierReleasesStateIsMovedIntoTheWorkspaceOnce(@TempDir Path dir) throws Exception {
        String home = System.getProperty("user.home");
        String instance = System.getProperty("osgi.instance.area");
        Path ws = dir.resolve("ws");
        Path legacy = dir.resolve("home/.mailmigrator/state");
        try (Dovecot mail = Dovecot.start(Dovecot.Layout.SLASH)) {
            Mailboxes.fill(mail, "s1", 6, 41, 0);
            Path pw = Files.writeString(dir.resolve("pw"), Dovecot.PASSWORD + "\n");
            List<String> args = CliRun.args("migrate", "--source", "imap://s1@127.0.0.1:" + mail.imapPort(), "--target",
                    "imap://s1new@127.0.0.1:" + mail.imapPort(), "--allow-plaintext", "--source-password-file",
                    pw.toString(), "--target-password-file", pw.toString());
            List<String> old = CliRun.args(args.toArray(String[]::new));
            old.addAll(List.of("--state", legacy.toString())); // where an earlier release kept it by default
            CliRun first = CliRun.of(old);
            assertEquals(0, first.code(), first.toString());
            assertTrue(first.out().contains("copied           6 message(s)"), first.out());

            System.setProperty("user.home", dir.resolve("home").toString());
            System.setProperty("osgi.instance.area", ws.toUri().toString());
            CliRun second = CliRun.of(args);
            assertEquals(0, second.code(), second.toString());
            assertTrue(second.err().contains("moved this pair's state"), second.err());
            assertTrue(second.out().contains("copied           0 message(s)"), second.out());
            // a run without the earlier state finds the copies again on the destination and says so per folder
            assertFalse(second.err().contains("already on the destination"), "the moved state knows every copy: "
                    + second.err());
            assertEquals(0, count(legacy), "nothing left in the old folder");
            assertEquals(1, count(ws.resolve("state")), "the pair's store is in the workspace");

            CliRun third = CliRun.of(args);
            assertEquals(0, third.code(), third.toString());
            assertFalse(third.err().contains("moved"), "said once: " + third.err());
            assertTrue(third.out().contains("copied           0 message(s)"), third.out());
        } finally {
            System.setProperty("user.home", home);
            if (instance == null) {
                System.clearProperty("osgi.instance.area");
            } else {
                System.setProperty("osgi.instance.area", instance);
            }
        }
    }

    private static long count(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".mv.db")).count();
        }
    }
}
