package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.internal.Sealing;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Secret;

/** An empty batch filled one pair at a time (the workbench's wizards) and pairs removed again. */
class AddRemoveMigrationTest {

    private static Account imap(String host, String login) {
        return new Account("imap", Map.of("host", host, "port", "143", "security", "starttls", "login", login),
                new CredentialRef("typed"));
    }

    @Test
    void pairsAddedToAnEmptyBatchAreQueuedWithSealedPasswordsAndRemovedWithoutTrace(@TempDir Path dir) throws Exception {
        Workspace ws = new Workspace(dir);
        SecretVault vault = SecretVault.open(ws.defaultSecretsKey(), true);
        try (BatchStore store = BatchStore.open(ws.batchesDir(), false)) {
            store.create(new BatchSpec("hand-made", List.of(), 3, 5, Optional.of("ops@example.org"), Optional.empty(),
                    Instant.now()), Map.of());
            assertEquals(List.of(), store.batch("hand-made").orElseThrow().migrations(), "an empty batch is stored");

            Migration a = new Sealing(store, vault).add("hand-made", imap("a.example", "alice@a.example"), Secret.of("pw-a"),
                    imap("b.example", "alice@b.example"), Secret.of("pw-a2"), MigrationOptions.mailOnly());
            Migration b = new Sealing(store, vault).add("hand-made", imap("a.example", "bob"), Secret.of("pw-b"),
                    imap("b.example", "bob"), Secret.of("pw-b2"), MigrationOptions.mailOnly());
            assertEquals("00001-alice_a.example", a.id());
            assertEquals("00002-bob", b.id());
            BatchSpec spec = store.batch("hand-made").orElseThrow();
            assertEquals(List.of(a, b), spec.migrations());
            assertEquals(3, spec.concurrency());
            assertEquals(List.of(MigrationStatus.QUEUED, MigrationStatus.QUEUED),
                    store.states("hand-made").stream().map(s -> s.status()).toList());
            assertEquals(Secret.of("pw-b2"), new Sealing(store, vault).credentials(b).destination());
            assertEquals("hand-made/00001-alice_a.example/source", a.source().credential().key());

            BatchStoreException none = assertThrows(BatchStoreException.class, () -> new Sealing(store, vault).add("missing",
                    imap("a", "x"), Secret.of("p"), imap("b", "x"), Secret.of("p"), MigrationOptions.mailOnly()));
            assertTrue(none.getMessage().contains("missing"), none.getMessage());

            store.removeMigrations("hand-made", List.of(a.id()));
            assertEquals(List.of(b), store.batch("hand-made").orElseThrow().migrations());
            assertEquals(Optional.empty(), store.sealedCredential(a.source().credential().key()), "its passwords are gone");
            assertEquals(Optional.empty(), store.sealedCredential(a.destination().credential().key()));
            assertTrue(store.sealedCredential(b.source().credential().key()).isPresent(), "the other pair keeps its own");

            Migration c = new Sealing(store, vault).add("hand-made", imap("a.example", "carol"), Secret.of("pw-c"),
                    imap("b.example", "carol"), Secret.of("pw-c2"), MigrationOptions.mailOnly());
            assertEquals(List.of(b, c), store.batch("hand-made").orElseThrow().migrations(), "added after the others");
        }
    }
}
