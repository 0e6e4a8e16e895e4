/**
 * The Import CSV wizard: choose a file, see the format found, preview the rows with each rejected cell marked and
 * its reason (passwords never shown), name the batch, and store it; Exchange Online files get the batch-wide
 * fields their format lacks. The parsing itself is the batch bundle's {@code CsvImporter}; this package only shows
 * it, listing every format contributed to the {@code csvFormats} extension point.
 * <p>
 * Uses SWT/JFace, {@code batch.csv}, {@code batch.store}, the core model and {@code org.mailmigrator.ui.batches}.
 * Exported only to the UI tests ({@code x-friends}).
 */
package org.mailmigrator.ui.internal.importer;
