package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.testing.Dovecot;

/**
 * {@code batch purge} while a row of the batch runs in this process (a {@code batch run} on the same workspace,
 * both through the workspace service): the row is stopped first, so nothing is copied, and no state or status
 * is written, after the purge said it was done.
 */
class PurgeWhileRunningTest {
    private static final int MESSAGES = 2400;

    @Test
    void purgeStopsTheRunningRowFirst(@TempDir Path dir) throws Exception {
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH)) {
            Mailboxes.fill(d, "pg-s", MESSAGES, 41, 0);
            String server = "127.0.0.1:" + d.imapPort();
            Path csv = dir.resolve("purging.csv");
            Files.writeString(csv, server + ";pg-s;" + Dovecot.PASSWORD + ";" + server + ";pg-d;" + Dovecot.PASSWORD + ";;\n");
            Path ws = dir.resolve("ws");
            CliRun imported = CliRun.of("batch", "import", csv.toString(), "--workspace", ws.toString());
            assertEquals(0, imported.code(), imported.toString());

            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("batch", "run", "purging",
                    "--workspace", ws.toString(), "--allow-plaintext"));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (copied(d) < 30) {
                if (run.isDone()) {
                    fail("the run ended before the purge: " + run.get());
                }
                if (System.nanoTime() > end) {
                    fail("no message copied within 120 s");
                }
                Thread.sleep(20);
            }

            CliRun purge = CliRun.of("batch", "purge", "purging", "--workspace", ws.toString());
            assertEquals(0, purge.code(), purge.toString());
            assertTrue(purge.out().contains("stopped 1 migration(s) of purging that were running or queued"), purge.out());
            assertTrue(purge.out().contains("purged batch purging: passwords, statuses, reports data and state deleted"),
                    purge.out());

            CliRun ran = run.get(60, TimeUnit.SECONDS);
            int copied = copied(d);
            assertTrue(copied < MESSAGES, "stopped mid-copy: " + copied + " of " + MESSAGES + "\n" + ran);
            Thread.sleep(1000);
            assertEquals(copied, copied(d), "nothing copied after the purge");
            Path state = new Workspace(ws).stateDir("purging");
            assertFalse(Files.exists(state), "no engine state or pass log left: " + state);
            CliRun status = CliRun.of("batch", "status", "purging", "--workspace", ws.toString());
            assertEquals(2, status.code(), status.toString());
            assertTrue(status.err().contains("no batch named 'purging'"), status.toString());
        }
    }

    /** Messages on the destination; Dovecot moves and replaces files while the walk lists them. */
    private static int copied(Dovecot d) throws Exception {
        while (true) {
            try {
                return Mailboxes.count(d, "pg-d");
            } catch (java.nio.file.NoSuchFileException moved) {
                Thread.onSpinWait();
            } catch (java.io.UncheckedIOException e) {
                // the walk itself met a file Dovecot renamed or removed meanwhile (dovecot-uidlist.tmp)
                if (!(e.getCause() instanceof java.nio.file.NoSuchFileException)) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }
}
