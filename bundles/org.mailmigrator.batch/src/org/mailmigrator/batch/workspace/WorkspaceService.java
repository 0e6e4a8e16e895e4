package org.mailmigrator.batch.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.run.Presets;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.core.connector.ConnectorRegistry;

/**
 * The headless workspace service (OSGi Declarative Services component {@code org.mailmigrator.batch.workspaces}):
 * the workbench and the command line both get it from the service registry. It keeps the open workspaces of
 * the process keyed by folder: opening a folder that is already open joins it (same store, vault and job
 * manager, so a purge from the command line stops the workbench's or another command's jobs of that batch
 * first); the last {@link BatchWorkspace#close()} closes the store and releases its lock. Not a singleton:
 * each folder is its own workspace.
 */
public interface WorkspaceService {

    /**
     * Opens the workspace in {@code workspace} for writing, or joins it when this process has it open.
     *
     * @param secretsKey the key file of the secret vault; empty: the workspace's {@code secrets.key}
     * @throws BatchStoreException when another process holds the store (the message names it)
     */
    BatchWorkspace open(Workspace workspace, Optional<Path> secretsKey) throws BatchStoreException, IOException;

    /**
     * Opens a workspace to read it (status, report, export): joins it when this process has it open, else opens
     * its store so that a run in another process may go on writing. Limit: while such a read-only store is open
     * (another process holds the file), an {@link #open} of the same folder in this process joins it and its writes
     * fail; commands hold it only for the time of one read.
     */
    BatchWorkspace openToRead(Workspace workspace, Optional<Path> secretsKey) throws BatchStoreException;

    /** The installed connectors, read once from the extension registry. */
    ConnectorRegistry connectors();

    /** The provider presets (daily limits, CalDAV/CardDAV servers), read once with the connectors. */
    Presets presets();

    /** The limits of a batch when nobody gives any. */
    BatchDefaults defaults();
}
