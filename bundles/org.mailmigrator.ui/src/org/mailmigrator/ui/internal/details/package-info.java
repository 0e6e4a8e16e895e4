/**
 * The Details view of the migration selected in the Migrations view: its folders with messages and bytes done, its
 * log, its skipped items with their reasons and its last error in full with the fix for its cause; and {@code
 * FailureLog}, which writes failed migrations to the platform log.
 * <p>
 * Uses SWT/JFace/workbench, the batch API (jobs, store, report) and {@code org.mailmigrator.ui.internal.batches}'
 * selection. Exported only to the UI tests ({@code x-friends}).
 */
package org.mailmigrator.ui.internal.details;
