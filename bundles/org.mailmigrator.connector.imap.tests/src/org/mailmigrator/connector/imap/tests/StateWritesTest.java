package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.SharedDovecot;

/**
 * What a pass writes to its state file, counted on the disk: the file only grows (each commit appended, at least one
 * 4 KiB block: {@code StoreFile}), so the blocks it grew by while the store is open bound the commits. A first pass
 * over 24 folders, 6 of them holding mail, makes the folder states together, journals and records each folder's copies
 * and keeps each folder's state for the next write: two commits for each folder with mail, none for an empty folder
 * (it was three or four for every folder: the file grew by 117 blocks, now by 25). The copy is checked message for
 * message; a second pass copies nothing and writes nothing. Dovecot to Dovecot.
 */
@ExtendWith(SharedDovecot.class)
class StateWritesTest {
    private static final int FOLDERS = 24;
    private static final int WITH_MAIL = 6;
    private static final long BLOCK = 4096;

    @Test
    void aPassWritesForTheFoldersWithMailNotForEveryFolder(Dovecot dovecot, @TempDir Path dir) throws Exception {
        try (ImapProbe p = ImapProbe.login(dovecot, "sw-src")) {
            int n = 0;
            for (int f = 1; f <= FOLDERS; f++) {
                String folder = "Folder " + f;
                p.create(folder, true);
                for (int m = 0; f <= WITH_MAIL && m < 3; m++) {
                    n++;
                    p.append(folder, MatrixCorpus.text(n, folder, true), Set.of("\\Seen"),
                            Instant.parse("2024-05-06T07:08:09Z").plusSeconds(n));
                }
            }
        }
        Pair pair = new Pair(dovecot, "sw-src", dovecot, "sw-dst", dir);
        try (StateStore state = StateStore.openEmbedded(dir, "pair")) {
            long before = Files.size(dir.resolve("pair.mv.db"));
            MigrationReport first = pair.run(state, Pair.fast().withBatchSize(100), MigrationListener.NONE);
            assertEquals(Outcome.COMPLETED, first.outcome(), first.failure());
            assertEquals(WITH_MAIL * 3, first.copied());
            long blocks = (Files.size(dir.resolve("pair.mv.db")) - before) / BLOCK;
            // the folder states (1), each folder with mail its journal and its record (2 each), the last states at the
            // end (1): 14 commits of one or two blocks (about 25); a commit or more for every folder: 117 blocks
            assertTrue(blocks <= 4 * WITH_MAIL + 8, "a first pass over " + FOLDERS + " folders (" + WITH_MAIL
                    + " with mail) grew the state file by " + blocks + " blocks of 4 KiB");

            long after = Files.size(dir.resolve("pair.mv.db"));
            MigrationReport again = pair.run(state, Pair.fast(), MigrationListener.NONE);
            assertEquals(Outcome.COMPLETED, again.outcome(), again.failure());
            assertEquals(0, again.copied());
            assertEquals(WITH_MAIL * 3, again.alreadyPresent());
            assertEquals(after, Files.size(dir.resolve("pair.mv.db")), "a pass with nothing to do wrote to the state file");
        }
        Verify.sameMail(dovecot, "sw-src", dovecot, "sw-dst", Map.of());
    }
}
