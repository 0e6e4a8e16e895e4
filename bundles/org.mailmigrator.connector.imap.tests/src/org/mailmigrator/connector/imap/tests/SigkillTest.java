package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.ChildJvm;

/**
 * A real SIGKILL: the migration runs in a separate JVM that is killed (destroyForcibly) in the middle of
 * copying, twice; the run is then resumed in this JVM. Nothing may be lost or duplicated.
 */
class SigkillTest {

    @Test
    void killedTwiceWithSigkillThenResumedEndsExact(@TempDir Path state, @TempDir Path tmp) throws Exception {
        try (Dovecot dovecot = Dovecot.start(Dovecot.Layout.SLASH)) {
            List<TestCorpus.Mail> mails = Corpus.load(dovecot, "kill-src", 12);
            int[] killAfter = { 9, 40 };
            int killed = 0;
            for (int appends : killAfter) {
                ProcessBuilder pb = ChildJvm.command(ChildMigration.BUNDLES, ChildMigration.class, List.of("-Xmx128m", "-Djava.io.tmpdir=" + tmp), List.of(Dovecot.HOST,
                        String.valueOf(dovecot.imapPort()), "kill-src", "kill-dst", state.toString(), Dovecot.PASSWORD,
                        "15"));
                pb.redirectErrorStream(true);
                Process child = pb.start();
                StringBuilder seen = new StringBuilder();
                try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    int count = 0;
                    String line;
                    while ((line = in.readLine()) != null) {
                        seen.append(line).append('\n');
                        if (line.startsWith("appended") && ++count >= appends) {
                            child.destroyForcibly();
                            killed++;
                            break;
                        }
                    }
                }
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
                assertFalse(seen.toString().contains("finished"), "the child was killed before its end:\n" + seen);
                assertEquals(137, child.exitValue(), "killed by SIGKILL:\n" + seen);
            }
            assertEquals(2, killed);
            try (var left = java.nio.file.Files.list(tmp)) {
                assertEquals(List.of(), left.toList(), "a killed run leaves no spool file behind");
            }
            MigrationReport resumed = new Pair(dovecot, "kill-src", dovecot, "kill-dst", state).run();
            assertEquals(Outcome.COMPLETED, resumed.outcome(), resumed.failure());
            assertTrue(resumed.copied() < mails.size(), "the killed runs did copy part of the mail");
            Verify.sameMail(dovecot, "kill-src", dovecot, "kill-dst", Map.of());
            MigrationReport again = new Pair(dovecot, "kill-src", dovecot, "kill-dst", state).run();
            assertEquals(0, again.copied());
            assertEquals(mails.size(), again.alreadyPresent());
        }
    }
}
