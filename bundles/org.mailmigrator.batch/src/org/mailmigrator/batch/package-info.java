/**
 * Batches: many account pairs imported from an administrator's CSV file, persisted in the workspace's
 * embedded store, run in parallel under limits, watched, reported and resumed.
 * <p>
 * DESIGN.md places the job manager "in core"; it lives in this separate, UI-free bundle on top of
 * {@code org.mailmigrator.core} so that the engine's files stay apart. Everything here is headless: the
 * command line and the workbench build on the same listener/snapshot API ({@link org.mailmigrator.batch.jobs}).
 */
package org.mailmigrator.batch;
