/**
 * How the DAV connector speaks WebDAV with the JDK's HttpClient: preemptive Basic authentication, finding the
 * calendar or address book each item goes to (current-user-principal, home sets), conditional PUTs named after the
 * item's UID ({@code If-None-Match}/{@code If-Match}) so that a re-run never duplicates, and the server's own
 * reason when it refuses a write.
 * <p>
 * Uses only the core SPI, model and pim packages and the JDK (HTTP, XML). Only this bundle and its tests ({@code
 * x-friends}) may use it.
 */
package org.mailmigrator.connector.dav.internal;
