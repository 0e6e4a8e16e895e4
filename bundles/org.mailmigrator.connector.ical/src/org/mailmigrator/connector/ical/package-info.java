/**
 * The iCalendar file connector as declared in this bundle's plugin.xml: {@code IcalConnector}, a source of events
 * and tasks read from {@code .ics} files or folders.
 * <p>
 * The only public entry of the bundle; it extends the core's {@link org.mailmigrator.core.pim.FileSourceConnector}
 * over the reader in {@code org.mailmigrator.connector.ical.internal}.
 */
package org.mailmigrator.connector.ical;
