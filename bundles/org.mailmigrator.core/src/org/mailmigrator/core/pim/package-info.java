/**
 * Calendars, tasks and contacts: items carried as their source's own iCalendar or vCard text plus an
 * identity (collection, UID), read one at a time by source connectors ({@link org.mailmigrator.core.pim.PimReader}),
 * written by destination connectors ({@link org.mailmigrator.core.pim.PimWriter}), both offered through
 * {@code ConnectorSession.capability(...)}, and copied idempotently and crash-safe by
 * {@link org.mailmigrator.core.pim.PimMigration} with the journal and records of
 * {@link org.mailmigrator.core.pim.PimState}, kept in the account pair's state store file.
 * Plain Java: no OSGi types. Uses {@code core.model}, {@code core.spi}, {@code core.state} (exceptions),
 * {@code core.engine.MigrationSettings} (retry settings) and {@code core.engine.Outcome} (a run's outcome, mapped
 * like the mail engine's: {@code PimReport.outcome()}); internals in {@code core.internal.pim},
 * {@code core.internal.retry} and {@code core.internal.state}.
 */
package org.mailmigrator.core.pim;
