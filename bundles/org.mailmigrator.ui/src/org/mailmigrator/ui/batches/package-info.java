/**
 * {@code BatchSession}: the workbench's UI concerns around one workspace (run settings, the certificate question,
 * view listeners, live snapshots), offered to views, editors and wizards as a workbench service; the store, vault,
 * job manager, notifiers and purge are the batch bundle's headless {@code BatchWorkspace}, reached through
 * {@code session.workspace()}.
 * <p>
 * Uses the batch API packages and the core connector and model packages, no SWT types in its signatures. Used
 * throughout the UI bundle, by the application and by the UI tests; headless bundles must not depend on it.
 */
package org.mailmigrator.ui.batches;
