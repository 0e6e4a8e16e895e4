/**
 * Tests of calendars and contacts into real CalDAV/CardDAV servers (Radicale and Xandikos started on loopback):
 * {@code .ics} and {@code .vcf} files through the ical and vcard readers into the DAV writer, a real-world corpus
 * compared field by field, server quirks, failures that name their item and never stop the others, repeated runs,
 * and {@code migrate} with calendar/contacts targets.
 * <p>
 * Uses the ical, vcard and dav connectors (the ical reader's internals as a friend), the core pim and SPI
 * packages, {@code Cli} and {@code org.mailmigrator.testing}; nothing may depend on this package.
 */
package org.mailmigrator.connector.dav.tests;
