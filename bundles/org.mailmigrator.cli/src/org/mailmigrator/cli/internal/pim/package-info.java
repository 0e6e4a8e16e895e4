/**
 * The calendar and contacts side of {@code migrate}: {@code .ics}/{@code .vcf} files or folders into a CalDAV,
 * CardDAV or EWS target given as {@code caldav+https://LOGIN@HOST/PATH} (and the like), idempotently, with its
 * JSON report; the legs themselves run through the batch bundle's {@code PassRunner}, like a batch row's.
 * <p>
 * Uses the core pim, engine, connector, model, SPI and report packages and the migrate command's exit codes. Not
 * exported: only the migrate command calls it.
 */
package org.mailmigrator.cli.internal.pim;
