/**
 * The New batch, New migration and Export report wizards: a new batch's limits start at the preferences' defaults;
 * a new migration chooses connectors and item kinds, then fills both accounts on pages generated from the
 * connectors' declared settings; the report export writes the files {@code batch report} writes.
 * <p>
 * Uses SWT/JFace, {@code org.mailmigrator.ui.forms}, {@code org.mailmigrator.ui.batches}, {@code
 * org.mailmigrator.ui.internal.prefs}, the batch API (store, report) and the core connector and model packages.
 * Exported only to the UI tests ({@code x-friends}).
 */
package org.mailmigrator.ui.internal.wizards;
