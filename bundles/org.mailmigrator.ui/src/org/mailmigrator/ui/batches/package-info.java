/**
 * {@code BatchSession}: the workbench's hold on one workspace, its batch store, secret vault and the single {@code
 * BatchManager} that runs its batches, offered to views, editors and wizards as a workbench service. (Being
 * redesigned in issue 13: a headless workspace service in the batch bundle takes over the store, vault, manager
 * and purge; this package keeps only UI concerns.)
 * <p>
 * Uses the batch API packages and the core connector and model packages, no SWT types in its signatures. Used
 * throughout the UI bundle, by the application and by the UI tests; headless bundles must not depend on it.
 */
package org.mailmigrator.ui.batches;
