/**
 * How the DAV connector speaks WebDAV with the JDK's HttpClient: preemptive Basic authentication, finding the
 * calendar or address book each item goes to (current-user-principal, home sets), conditional PUTs named after the
 * item's UID ({@code If-None-Match}/{@code If-Match}) so that a re-run never duplicates, and the server's own
 * reason when it refuses a write. As a source: discovery of every collection ({@code SourceDiscovery}), members
 * listed by sync-collection or ETags ({@code SourceListing}), fetched by multiget ({@code SourceFetch}), read by the
 * .ics/.vcf readers ({@code SourceReader}), and what arrived remembered for the next run ({@code SourceMemory}).
 * <p>
 * Uses the core SPI, model and pim packages, the public text readers of connector.ical and connector.vcard, and the JDK
 * (HTTP, XML). Only this bundle and its tests ({@code
 * x-friends}) may use it.
 */
package org.mailmigrator.connector.dav.internal;
