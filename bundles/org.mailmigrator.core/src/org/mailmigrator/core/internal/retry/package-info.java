/**
 * Retry with exponential backoff after the typed transient failures of the connector SPI
 * ({@code TransientFailure}, {@code Throttled}), shared by the parts of the core that are not the mail engine's
 * folder loop (calendars, tasks and contacts first). Plain Java; uses only {@code core.spi} and
 * {@code core.engine.MigrationSettings}.
 */
package org.mailmigrator.core.internal.retry;
