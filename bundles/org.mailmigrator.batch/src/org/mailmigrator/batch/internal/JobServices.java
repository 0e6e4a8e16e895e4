package org.mailmigrator.batch.internal;

import java.util.List;

import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.jobs.BatchListener;
import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStore;

/** What every job of a manager shares. */
public record JobServices(Workspace workspace, BatchStore store, SecretVault vault, ConnectorFactory connectors,
        HostLimiter limiter, ProgressHub hub, List<BatchListener> listeners) {
}
