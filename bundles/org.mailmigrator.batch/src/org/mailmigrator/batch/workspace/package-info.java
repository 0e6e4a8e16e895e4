/**
 * The headless workspace service: {@link org.mailmigrator.batch.workspace.WorkspaceService}, an OSGi Declarative
 * Services component of this bundle, opens workspaces by folder and hands out
 * {@link org.mailmigrator.batch.workspace.BatchWorkspace}: store, secret vault, job manager, connectors,
 * notifiers and purge in one place, for the workbench and the command line alike.
 * <p>
 * May use the batch bundle's API packages and {@code org.mailmigrator.core}; no UI, no command-line types. The
 * implementation lives in {@code org.mailmigrator.batch.internal} ({@code WorkspaceRegistry}); front ends obtain
 * the service from the OSGi service registry, never by constructing it.
 */
package org.mailmigrator.batch.workspace;
