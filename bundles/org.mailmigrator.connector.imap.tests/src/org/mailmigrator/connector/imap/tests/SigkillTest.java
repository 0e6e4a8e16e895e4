package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.SharedDovecot;
import org.mailmigrator.testing.ChildJvm;

/**
 * A real SIGKILL: the migration runs in a separate JVM that is killed (destroyForcibly) in the middle of
 * copying, twice; the run is then resumed in this JVM. Nothing may be lost or duplicated.
 */
@ExtendWith(SharedDovecot.class)
class SigkillTest {

    @Test
    void killedTwiceWithSigkillThenResumedEndsExact(Dovecot dovecot,
            @TempDir Path state, @TempDir Path tmp) throws Exception {
        List<TestCorpus.Mail> mails = Corpus.load(dovecot, "kill-src", 12);
        int[] killAfter = { 9, 40 };
        int killed = 0;
        for (int appends : killAfter) {
            ProcessBuilder pb = ChildJvm.command(ChildMigration.BUNDLES, ChildMigration.class, List.of("-Xmx128m", "-Djava.io.tmpdir=" + tmp), List.of(Dovecot.HOST,
                    String.valueOf(dovecot.imapPort()), "kill-src", "kill-dst", state.toString(), Dovecot.PASSWORD,
                    "15"));
            KilledChild.killAfter(pb, appends);
            killed++;
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
