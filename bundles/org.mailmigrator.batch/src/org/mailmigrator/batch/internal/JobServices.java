package org.mailmigrator.batch.internal;

import java.util.List;

import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.jobs.BatchListener;
import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.batch.run.Presets;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStore;

/** What every job of a manager shares; the connectors and presets as the manager's maker read them, once. */
public record JobServices(Workspace workspace, BatchStore store, SecretVault vault, ConnectorFactory connectors,
        Presets presets, HostLimiter limiter, ProgressHub hub, List<BatchListener> listeners) {
}
