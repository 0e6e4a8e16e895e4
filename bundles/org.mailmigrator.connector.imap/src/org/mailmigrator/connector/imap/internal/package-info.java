/**
 * IMAP on Angus Mail, made fast and safe for migration: UID commands over many messages per round trip, small
 * bodies batched and big ones fetched in 1 MiB partial fetches spooled to disk, APPEND with streamed literals and
 * APPENDUID, expunges proven before they are believed, a FETCH parser that accepts every legal response form,
 * certificate pinning, a watchdog that ends a command whose connection moves no byte for the stall limit, and
 * failures typed by what the engine must do (retry, stop the pair, skip the item), with messages that name the
 * account and the port's real protocol.
 * <p>
 * Uses the core mail, model and SPI packages, Angus Mail and the JDK; no engine, no OSGi types. Only this bundle
 * and {@code connector.imap.tests} ({@code x-friends}) may use it.
 */
package org.mailmigrator.connector.imap.internal;
