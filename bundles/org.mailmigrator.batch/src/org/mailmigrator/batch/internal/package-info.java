/**
 * How the batch API is implemented: the CSV dialects ({@code RowReader} and its OMM, imapsync, Exchange and native
 * readers, with the cell checks and line numbers of their messages), the H2 batch store ({@code H2BatchStore},
 * {@code MigrationRows}, {@code PimRows}, {@code StoreLock}), and one migration as an Eclipse job ({@code
 * MigrationJob}: per-host connection limit, pre-flight, engine pass, calendar/contacts legs, status changes and
 * coalesced progress).
 * <p>
 * Uses the core API packages (engine, model, mail, pim, spi, state, connector) and the batch API packages; no SWT.
 * Only this bundle and {@code org.mailmigrator.batch.tests} ({@code x-friends}) may use it: the command line and
 * the workbench go through {@code org.mailmigrator.batch}, {@code batch.jobs}, {@code batch.store} and the other
 * exported packages.
 */
package org.mailmigrator.batch.internal;
