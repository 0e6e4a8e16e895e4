package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.internal.Sealing;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Secret;

/** {@code batch export} writes in the login column what each account's connector declares as its login. */
class ExportLoginTest {
    @Test
    void theLoginColumnIsTheSettingTheConnectorDeclaresAsItsLogin(@TempDir Path dir) throws Exception {
        Workspace ws = new Workspace(dir);
        SecretVault vault = SecretVault.open(ws.defaultSecretsKey(), true);
        try (BatchStore store = BatchStore.open(ws.batchesDir(), false)) {
            store.create(new BatchSpec("declared", List.of(), 1, 1, Optional.empty(), Optional.empty(), Instant.now()), Map.of());
            Account source = new Account("imap", Map.of("host", "a.example", "port", "993", "security", "tls", "login",
                    "alice@a.example"), new CredentialRef("typed"));
            // test.addressed declares login="user" (testing.connectors/plugin.xml): it has no "login" setting at all
            Account target = new Account("test.addressed", Map.of("server", "b.example", "user", "alice.b"),
                    new CredentialRef("typed"));
            new Sealing(store, vault).add("declared", source, Secret.of("pw-a"), target, Secret.of("pw-b"),
                    MigrationOptions.mailOnly());
        }
        Path csv = dir.resolve("declared.csv");
        CliRun exported = CliRun.of("batch", "export", "declared", csv.toString(), "--workspace", dir.toString());
        assertEquals(0, exported.code(), exported.toString());
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(csv))).getRecords();
        assertEquals("alice@a.example", rows.get(0).get("source.login"), Files.readString(csv));
        assertEquals("alice.b", rows.get(0).get("destination.login"), Files.readString(csv));
    }
}
