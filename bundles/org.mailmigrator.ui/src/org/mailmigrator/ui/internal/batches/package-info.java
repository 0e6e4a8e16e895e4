/**
 * The Batches and Migrations views: batch summaries, a virtual table of migrations (10,000 rows cost what the
 * visible ones cost) with filter, sort, selection and the run actions, live snapshots brought to the UI thread at
 * most four times a second, the exit guard, the offer to resume interrupted rows, and the factory that provides
 * the workbench's {@code BatchSession}.
 * <p>
 * Uses SWT/JFace/workbench, {@code org.mailmigrator.ui.batches}, the editor and importer packages, and the batch
 * API. Exported ({@code x-friends}) to the UI tests and to {@code org.mailmigrator.app}, the one production
 * friend: the application's demo launcher and screenshot options select rows in these views.
 */
package org.mailmigrator.ui.internal.batches;
