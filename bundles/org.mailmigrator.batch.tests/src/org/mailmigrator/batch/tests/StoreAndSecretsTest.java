package org.mailmigrator.batch.tests;

import org.eclipse.core.runtime.RegistryFactory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.internal.Sealing;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.csv.CsvImporter;
import org.mailmigrator.batch.csv.ImportOptions;
import org.mailmigrator.batch.csv.ImportResult;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.model.Secret;

/** The batch store and the secret vault: persistence across reopening, encryption at rest, purge, speed. */
class StoreAndSecretsTest {

    static String imapsyncRows(int n, String passwordPrefix) {
        StringBuilder sb = new StringBuilder("# generated\n");
        for (int i = 0; i < n; i++) {
            sb.append("imap.source.example;user").append(i).append(";").append(passwordPrefix).append(i)
                    .append(";imap.dest.example;user").append(i).append("@dest.example;").append(passwordPrefix).append("d")
                    .append(i).append(";--ssl1 --ssl2;\n");
        }
        return sb.toString();
    }

    @Test
    void tenThousandRowsImportWithPasswordsOnlyEncrypted(@TempDir Path dir) throws Exception {
        Workspace ws = new Workspace(dir);
        byte[] file = imapsyncRows(10_000, "Zq9-secret-").getBytes(StandardCharsets.UTF_8);
        CsvImporter importer = Platform.importer(new ConnectorRegistry(RegistryFactory.getRegistry()));
        SecretVault vault = SecretVault.open(ws.defaultSecretsKey(), true);
        // a first import warms the JVM (class loading, JIT of H2 and AES): measured and printed, not asserted
        long cold = System.nanoTime();
        try (BatchStore store = BatchStore.open(ws.batchesDir(), false)) {
            new Sealing(store, vault).store("warm-up", importer.read(imapsyncRows(10_000, "W4rm-").getBytes(StandardCharsets.UTF_8),
                    ImportOptions.auto()), false, 8, 6, Optional.empty(), Optional.empty());
            store.purge("warm-up");
        }
        System.out.println("10,000-row import in a cold JVM: " + (System.nanoTime() - cold) / 1_000_000 + " ms");
        long t0 = System.nanoTime();
        BatchSpec spec;
        try (BatchStore store = BatchStore.open(ws.batchesDir(), false)) {
            ImportResult r = importer.read(file, ImportOptions.auto());
            assertTrue(r.problems().isEmpty(), CsvImportTest.problems(r));
            spec = new Sealing(store, vault).store("big", r, false, 8, 6, Optional.empty(), Optional.empty());
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("10,000-row import (read, validate, encrypt, store), warm JVM: " + ms + " ms");
        // the time is printed, not asserted: a shared CI machine under load would make it fail at random
        assertEquals(10_000, spec.migrations().size());

        // at rest: no password in any file of the workspace, the key file aside
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(text.contains("Zq9-secret-") || text.contains("W4rm-"), "a password in clear in " + f);
            }
        }
        try (BatchStore store = BatchStore.open(ws.batchesDir(), false)) {
            BatchSpec again = store.batch("big").orElseThrow();
            assertEquals(spec.migrations(), again.migrations());
            assertEquals(10_000, store.states("big").stream().filter(s -> s.status() == MigrationStatus.QUEUED).count());
            var creds = new Sealing(store, vault).credentials(again.migrations().get(42));
            assertEquals(Secret.of("Zq9-secret-42"), creds.source());
            assertEquals(Secret.of("Zq9-secret-d42"), creds.destination());
            assertFalse(creds.toString().contains("Zq9"), creds.toString());

            SecretVault other = SecretVault.open(dir.resolve("other.key"), true);
            IOException wrongKey = assertThrows(IOException.class,
                    () -> new Sealing(store, other).credentials(again.migrations().get(0)));
            assertTrue(wrongKey.getMessage().contains("cannot be decrypted"), wrongKey.getMessage());

            store.purge("big");
            assertTrue(store.batch("big").isEmpty());
            assertTrue(store.sealedCredential(again.migrations().get(0).source().credential().key()).isEmpty());
        }
        assertThrows(IOException.class, () -> SecretVault.open(dir.resolve("missing.key"), false));
    }

    @Test
    void aFileWithProblemsStoresNothingUnlessBadRowsAreSkipped(@TempDir Path dir) throws Exception {
        Workspace ws = new Workspace(dir);
        String csv = imapsyncRows(3, "pw") + "bad host;u;p;h;u;p;\n";
        ImportResult r = Platform.importer(new ConnectorRegistry(RegistryFactory.getRegistry())).read(csv.getBytes(StandardCharsets.UTF_8),
                ImportOptions.auto());
        assertEquals(1, r.problems().size());
        SecretVault vault = SecretVault.open(ws.defaultSecretsKey(), true);
        try (BatchStore store = BatchStore.open(ws.batchesDir(), false)) {
            assertThrows(IllegalArgumentException.class,
                    () -> new Sealing(store, vault).store("b", r, false, 2, 2, Optional.empty(), Optional.empty()));
            assertTrue(store.names().isEmpty());
            new Sealing(store, vault).store("b", r, true, 2, 2, Optional.of("admin@example.org"), Optional.empty());
            assertEquals(3, store.batch("b").orElseThrow().migrations().size());
            assertEquals(Optional.of("admin@example.org"), store.batch("b").orElseThrow().notificationAddress());
        }
    }
}
