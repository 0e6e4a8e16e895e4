package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.internal.Sealing;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.testing.ChildJvm;

/**
 * The workspace's files (issue 11): owner-only modes, a key file that is never half-written, messages a
 * person can act on for an empty key, a full disk and a store held by another process; ids of added rows.
 */
class WorkspaceFilesTest {
    private static final String CSV = """
            source.server,source.login,source.password,destination.server,destination.login,destination.password
            imaps://a.example,alice,pw-a,imaps://b.example,alice,pw-a2
            # not a comment in a native file: a bad row that leaves a gap in the line numbers
            imaps://a.example,bob,pw-b,imaps://b.example,bob,pw-b2
            """;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static Path csv(Path dir) throws Exception {
        Path file = dir.resolve("team.csv");
        Files.writeString(file, CSV);
        return file;
    }

    @Test
    void workspaceStoreKeyAndReportsAreTheOwnersOnly(@TempDir Path dir) throws Exception {
        Path ws = dir.resolve("ws");
        CliRun imported = CliRun.of("batch", "import", csv(dir).toString(), "--workspace", ws.toString(), "--skip-bad-rows");
        assertEquals(0, imported.code(), imported.toString());
        assertEquals("rwx------", mode(ws));
        assertEquals("rwx------", mode(ws.resolve("batches")));
        assertEquals("rwx------", mode(ws.resolve("state")));
        assertEquals("rw-------", mode(ws.resolve("batches/batches.mv.db")));
        assertEquals("rw-------", mode(ws.resolve("secrets.key")));
        try (Stream<Path> files = Files.list(ws)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporary key file is left");
        }
        Path reports = dir.resolve("reports");
        CliRun report = CliRun.of("batch", "report", "team", "--out", reports.toString(), "--workspace", ws.toString());
        assertEquals(0, report.code(), report.toString());
        assertEquals("rwx------", mode(reports));
        assertEquals("rw-------", mode(reports.resolve("batch.json")));
        assertEquals("rw-------", mode(reports.resolve("summary.txt")));
    }

    @Test
    void anEmptyKeyFileSaysWhatToDoAndAFullDiskIsNamed(@TempDir Path dir) throws Exception {
        Path ws = dir.resolve("ws");
        Files.createDirectories(ws);
        Files.createFile(ws.resolve("secrets.key")); // what a full disk at the first import used to leave
        CliRun empty = CliRun.of("batch", "import", csv(dir).toString(), "--workspace", ws.toString(), "--skip-bad-rows");
        assertEquals(1, empty.code(), empty.toString());
        assertTrue(empty.err().contains("secrets.key is empty (0 bytes; a full disk when it was created?)")
                && empty.err().contains("delete it and import again"), empty.err());
        Files.delete(ws.resolve("secrets.key"));
        assertEquals(0, CliRun.of("batch", "import", csv(dir).toString(), "--workspace", ws.toString(), "--skip-bad-rows")
                .code());

        Path reports = dir.resolve("full");
        Files.createDirectories(reports);
        Files.createSymbolicLink(reports.resolve("batch.json"), Path.of("/dev/full")); // every write: ENOSPC
        CliRun full = CliRun.of("batch", "report", "team", "--out", reports.toString(), "--workspace", ws.toString());
        assertEquals(8, full.code(), full.toString());
        assertTrue(full.err().startsWith("mailmigrator batch report: disk full writing the reports in " + reports), full.err());
        assertEquals(1, full.err().strip().lines().count(), full.err());
        assertFalse(full.err().contains("Exception") || full.err().contains("FileChannelImpl"), full.err());
    }

    @Test
    void aStoreHeldByAnotherProcessIsNamedInOneLine(@TempDir Path dir) throws Exception {
        Path ws = dir.resolve("ws");
        assertEquals(0, CliRun.of("batch", "import", csv(dir).toString(), "--workspace", ws.toString(), "--skip-bad-rows")
                .code());
        Process holder = ChildJvm.command(BatchChild.BUNDLES, StoreHolder.class, List.of("-Xmx64m"),
                List.of(ws.resolve("batches").toString())).redirectErrorStream(true).start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line = in.readLine();
            assertTrue(line != null && line.startsWith("open "), "the child holds the store: " + line);
            CliRun second = CliRun.of("batch", "run", "team", "--workspace", ws.toString());
            assertEquals(1, second.code(), second.toString());
            assertTrue(second.err().contains("is in use by process " + holder.pid()), second.err());
            assertEquals(1, second.err().strip().lines().count(), second.err());
            assertFalse(second.err().contains("Exception") || second.err().contains("90020"), second.err());
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }

    @Test
    void aRowAddedAfterAnImportGetsANumberNoRowHas(@TempDir Path dir) throws Exception {
        Path ws = dir.resolve("ws");
        assertEquals(0, CliRun.of("batch", "import", csv(dir).toString(), "--workspace", ws.toString(), "--skip-bad-rows")
                .code());
        Workspace w = new Workspace(ws);
        try (BatchStore store = BatchStore.open(w.batchesDir(), false)) {
            List<String> ids = store.batch("team").orElseThrow().migrations().stream().map(Migration::id).toList();
            assertEquals(List.of("00002-alice", "00004-bob"), ids);
            Account a = new Account("imap", Map.of("host", "a.example", "port", "993", "security", "tls", "login", "carol"),
                    new CredentialRef("x"));
            Migration added = new Sealing(store, SecretVault.open(w.defaultSecretsKey(), false)).add("team", a, Secret.of("p"),
                    a, Secret.of("p"), MigrationOptions.mailOnly());
            assertEquals("00005-carol", added.id());
            for (String id : ids) {
                assertNotEquals(id.substring(0, 5), added.id().substring(0, 5));
            }
        }
    }
}
