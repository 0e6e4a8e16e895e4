package org.mailmigrator.batch.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.PimLeg;
import org.mailmigrator.batch.csv.ImportResult;
import org.mailmigrator.batch.csv.ImportedPair;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.workspace.BatchWorkspace.Credentials;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Secret;

/**
 * Storing an imported file or an added/edited migration with its passwords sealed by the vault, and reading a
 * migration's passwords back: the definitions and credentials of a workspace written together. The workspace
 * service's methods ({@link org.mailmigrator.batch.workspace.BatchWorkspace}) are made of these.
 */
public record Sealing(BatchStore store, SecretVault vault) {

    /**
     * Stores the valid pairs of an import as a new batch, passwords sealed by the vault. A file with
     * problems stores nothing unless {@code skipBadRows}.
     *
     * @throws IllegalArgumentException when the file has problems and bad rows may not be skipped, or no pair is valid
     */
    public BatchSpec store(String name, ImportResult imported,
            boolean skipBadRows, int concurrency, int perHost, Optional<String> notify, Optional<Instant> schedule)
            throws BatchStoreException {
        if (!imported.problems().isEmpty() && !skipBadRows) {
            throw new IllegalArgumentException(imported.problems().size() + " problem(s) in " + imported.badLines()
                    + " line(s); nothing was imported (fix the file, or skip the bad rows)");
        }
        if (imported.pairs().isEmpty()) {
            throw new IllegalArgumentException("no valid account pair to import");
        }
        List<Migration> migrations = new ArrayList<>();
        for (ImportedPair p : imported.pairs()) {
            Migration m = p.migration();
            migrations.add(new Migration(m.id(), prefixed(name, m.source()), prefixed(name, m.destination()), m.options()));
        }
        // AES-GCM on both cores: sealing is most of an import's time for large files
        List<byte[][]> seals = java.util.stream.IntStream.range(0, migrations.size()).parallel().mapToObj(i -> new byte[][] {
                vault.seal(migrations.get(i).source().credential().key(), imported.pairs().get(i).sourcePassword()),
                vault.seal(migrations.get(i).destination().credential().key(), imported.pairs().get(i).destinationPassword()) })
                .toList();
        Map<String, byte[]> sealed = new LinkedHashMap<>();
        for (int i = 0; i < migrations.size(); i++) {
            sealed.put(migrations.get(i).source().credential().key(), seals.get(i)[0]);
            sealed.put(migrations.get(i).destination().credential().key(), seals.get(i)[1]);
        }
        Map<String, List<PimLeg>> pim = new LinkedHashMap<>();
        for (ImportedPair p : imported.pairs()) {
            for (PimLeg leg : p.pim()) {
                PimLeg stored = leg.withCredential(new CredentialRef(name + "/" + leg.credential().key()));
                pim.computeIfAbsent(p.migration().id(), k -> new ArrayList<>()).add(stored);
                sealed.put(stored.credential().key(), vault.seal(stored.credential().key(), p.pimPasswords().get(leg.kind())));
            }
        }
        BatchSpec spec = new BatchSpec(name, migrations, concurrency, perHost, notify, schedule, Instant.now(), pim);
        store.create(spec, sealed);
        return spec;
    }

    /**
     * Adds one account pair to a stored batch (as the New migration wizard does), passwords sealed by the vault.
     * Its id follows the importer's: a number above every number in use, then the source login
     * ({@code 00004-alice_example.org}).
     * The accounts' credential references are replaced by the batch's own.
     */
    public Migration add(String batch, Account source, Secret sourcePassword,
            Account destination, Secret destinationPassword, MigrationOptions options) throws BatchStoreException {
        BatchSpec spec = store.batch(batch).orElseThrow(() -> new BatchStoreException("no batch named '" + batch + "'", null));
        String login = source.setting("login").orElse("account").replaceAll("[^A-Za-z0-9._-]", "_");
        // after the highest number in use, not after the count: imported ids carry line numbers (a header,
        // comments and removed rows leave gaps), and a number must not be given to two rows
        int n = spec.migrations().stream().mapToInt(x -> number(x.id())).max().orElse(0) + 1;
        String id = String.format(java.util.Locale.ROOT, "%05d-%s", n, login.length() > 64 ? login.substring(0, 64) : login);
        Migration m = new Migration(id, prefixed(batch, new Account(source.connectorId(), source.settings(),
                new CredentialRef(id + "/source"))), prefixed(batch, new Account(destination.connectorId(),
                        destination.settings(), new CredentialRef(id + "/destination"))), options);
        Map<String, byte[]> sealed = new LinkedHashMap<>();
        sealed.put(m.source().credential().key(), vault.seal(m.source().credential().key(), sourcePassword));
        sealed.put(m.destination().credential().key(), vault.seal(m.destination().credential().key(), destinationPassword));
        store.addMigration(batch, m, sealed);
        return m;
    }

    /** The number an id starts with ({@code 00004-alice} is 4), 0 when it has none. */
    private static int number(String id) {
        int i = 0;
        while (i < id.length() && i < 9 && Character.isDigit(id.charAt(i))) {
            i++;
        }
        return i == 0 ? 0 : Integer.parseInt(id.substring(0, i));
    }

    private static Account prefixed(String batch, Account a) {
        return new Account(a.connectorId(), a.settings(), new CredentialRef(batch + "/" + a.credential().key()));
    }

    /**
     * Stores an edited migration (same id and credential keys); a password given for a side is sealed by the
     * vault and replaces the stored one, an empty one keeps it.
     */
    public void update(String batch, Migration m,
            Optional<Secret> sourcePassword, Optional<Secret> destinationPassword) throws BatchStoreException {
        Map<String, byte[]> sealed = new LinkedHashMap<>();
        sourcePassword.ifPresent(p -> sealed.put(m.source().credential().key(), vault.seal(m.source().credential().key(), p)));
        destinationPassword.ifPresent(
                p -> sealed.put(m.destination().credential().key(), vault.seal(m.destination().credential().key(), p)));
        store.updateMigration(batch, m, sealed);
    }

    public Credentials credentials(Migration m)
            throws BatchStoreException, IOException {
        return new Credentials(secret(m.source().credential()), secret(m.destination().credential()));
    }

    /** The target password of a calendar/contacts leg. */
    public Secret password(PimLeg leg) throws BatchStoreException, IOException {
        return secret(leg.credential());
    }

    /** Where a stored credential is kept, for a refresh token the provider rotates to be sealed again there. */
    public static org.mailmigrator.auth.TokenHome home(BatchStore store, SecretVault vault, CredentialRef ref) {
        return new SealedTokenHome(store, vault, ref.key());
    }

    private Secret secret(CredentialRef ref) throws BatchStoreException, IOException {
        String key = ref.key();
        byte[] sealed = store.sealedCredential(key)
                .orElseThrow(() -> new IOException("no stored password for " + key + " (was the batch purged?)"));
        return vault.open(key, sealed);
    }
}
