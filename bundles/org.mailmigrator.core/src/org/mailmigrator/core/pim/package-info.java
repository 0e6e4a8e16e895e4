/**
 * Calendars, tasks and contacts: items carried as their source's own iCalendar or vCard text plus an
 * identity (collection, UID), read by source connectors ({@link org.mailmigrator.core.pim.PimReader}),
 * written by destination connectors ({@link org.mailmigrator.core.pim.PimWriter}), both offered through
 * {@code ConnectorSession.capability(...)}, and copied idempotently by {@link org.mailmigrator.core.pim.PimMigration}.
 * Plain Java: no OSGi types.
 */
package org.mailmigrator.core.pim;
