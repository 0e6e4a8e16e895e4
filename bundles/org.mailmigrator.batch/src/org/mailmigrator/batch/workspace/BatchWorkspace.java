package org.mailmigrator.batch.workspace;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.PimLeg;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.csv.CsvFormats;
import org.mailmigrator.batch.csv.CsvImporter;
import org.mailmigrator.batch.csv.ImportResult;
import org.mailmigrator.batch.jobs.BatchListener;
import org.mailmigrator.batch.jobs.BatchManager;
import org.mailmigrator.batch.jobs.MigrationProbe;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchDefinitions;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.store.CredentialStore;
import org.mailmigrator.batch.store.RunLedger;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Secret;

/**
 * One open workspace, as {@link WorkspaceService#open} hands it out: its store (split by concern), its secret
 * vault, the one job manager of the process for it, and what every front end does with them (import, add,
 * edit, remove, purge, credentials, notifications). Holders of the same folder share all of it; each holder
 * closes its own handle once.
 */
public interface BatchWorkspace extends AutoCloseable {

    /** A credential pair, masked when printed. */
    record Credentials(Secret source, Secret destination) {
    }

    /** The folder. */
    Workspace folder();

    /** The whole store (definitions, run ledger and credentials in one). */
    BatchStore store();

    default BatchDefinitions definitions() {
        return store();
    }

    default RunLedger ledger() {
        return store();
    }

    default CredentialStore credentialStore() {
        return store();
    }

    /**
     * The vault of this handle's key file, opened once; {@code create}: make the key file when it is missing.
     *
     * @throws IOException when the key file is missing (and not to be created), empty or not a key
     */
    SecretVault vault(boolean create) throws IOException;

    /**
     * Makes {@code vault} (a key held outside the workspace, such as the workbench's secure storage) the vault
     * of this handle's key file in this process: call before the first {@link #vault} or {@link #manager}.
     */
    void useVault(SecretVault vault);

    /**
     * The job manager of this workspace in this process, made on first use with the vault opened first (open the
     * vault before: {@link #vault}); every holder starts, stops and watches the same jobs.
     *
     * @throws IllegalStateException when no vault was opened and the workspace's key file cannot be read
     */
    BatchManager manager();

    ConnectorRegistry connectors();

    /** The CSV formats of the service's extension registry (read once, with the connectors). */
    CsvFormats formats();

    default CsvImporter importer() {
        return new CsvImporter(connectors(), formats());
    }

    /**
     * Stores the valid pairs of an import as a new batch, passwords sealed by the vault (made when missing). A file
     * with problems stores nothing unless {@code skipBadRows}.
     *
     * @throws IllegalArgumentException when the file has problems and bad rows may not be skipped, or no pair is valid
     */
    BatchSpec importBatch(String name, ImportResult imported, boolean skipBadRows, BatchDefaults limits,
            Optional<String> notify, Optional<Instant> schedule) throws BatchStoreException, IOException;

    /** Stores a batch without migrations (the New batch wizard); migrations are added to it later. */
    void create(BatchSpec empty) throws BatchStoreException;

    /**
     * Adds one account pair to a stored batch; its id follows the importer's ({@code 00004-alice_example.org}),
     * its passwords are sealed by the vault.
     */
    Migration add(String batch, Account source, Secret sourcePassword, Account destination, Secret destinationPassword,
            MigrationOptions options) throws BatchStoreException, IOException;

    /** Stores an edited migration; a password given for a side replaces the stored one, an empty one keeps it. */
    void update(String batch, Migration migration, Optional<Secret> sourcePassword, Optional<Secret> destinationPassword)
            throws BatchStoreException, IOException;

    /** Stops these migrations' jobs, then deletes them with their passwords, statuses and skipped items. */
    void remove(String batch, List<String> ids) throws BatchStoreException, InterruptedException;

    /**
     * The GDPR delete: stops the batch's jobs in this process and waits until they ended (so that none writes its
     * state again), then deletes the batch, its passwords, statuses and engine state.
     *
     * @return how many running or queued migrations were stopped first
     * @throws BatchStoreException when a job did not stop in time (nothing was deleted) or the store failed
     */
    int purge(String batch) throws BatchStoreException, IOException, InterruptedException;

    Credentials credentials(Migration m) throws BatchStoreException, IOException;

    /** The target password of a calendar/contacts leg. */
    Secret password(PimLeg leg) throws BatchStoreException, IOException;

    /** Pre-flight and folder plan of one migration, connecting as a run with {@code settings} does. */
    MigrationProbe probe(RunSettings settings) throws IOException;

    /**
     * The notifiers of a batch that has a notification address (the SMTP mail of the workspace's settings), each
     * told the batch's start, changes and end; empty when it has none or nothing is set up ({@code problems} says
     * why). The job manager's listener asks this once per batch start: the one place notifiers come from.
     */
    List<BatchListener> notifiers(BatchSpec batch, boolean allowPlaintext, Consumer<String> problems);

    /**
     * How this workspace's runs notify: SMTP AUTH over plaintext allowed or not, and where problems (no SMTP
     * server, a refused login...) are told. The last setter wins (the front end that runs the batches).
     */
    void setNotificationPolicy(boolean allowPlaintext, Consumer<String> problems);

    /** Waits until the mails of finished batches are sent (a command line exits after this). */
    void awaitNotifications(Duration timeout) throws InterruptedException;

    /** Told (on any thread) when a batch was imported, edited or purged: lists of batches may differ. */
    void addChangeListener(Runnable listener);

    void removeChangeListener(Runnable listener);

    /** Tells the change listeners that the store changed behind them (rows marked Interrupted at start...). */
    void fireChanged();

    /** Releases this handle; the last one of a folder stops its jobs, closes the store and releases its lock. */
    @Override
    void close();
}
