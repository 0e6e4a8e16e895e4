/**
 * How the batch API is implemented: the CSV dialects ({@code RowReader} and its OMM, imapsync, Exchange and native
 * readers, with the cell checks and line numbers of their messages), the batch store's SQL ({@code SqlBatchStore},
 * {@code MigrationRows}, {@code PimRows}) in the workspace's H2 file ({@code H2BatchStore}, {@code StoreLock}) or in
 * PostgreSQL ({@code PgBatchStore}, {@code PgBatchSchema}, with core's {@code internal.pg} connections, exported to
 * this bundle {@code x-friends}; row claims between processes, {@code RowClaim}), and one migration as an Eclipse job ({@code
 * MigrationJob}: per-host connection limit, pre-flight, engine pass, calendar/contacts legs, status changes and
 * coalesced progress).
 * <p>
 * Uses the core API packages (engine, model, mail, pim, spi, state, connector), core's {@code internal.pg} and the
 * batch API packages; no SWT.
 * Only this bundle and {@code org.mailmigrator.batch.tests} ({@code x-friends}) may use it: the command line and
 * the workbench go through {@code org.mailmigrator.batch}, {@code batch.jobs}, {@code batch.store} and the other
 * exported packages.
 */
package org.mailmigrator.batch.internal;
