/**
 * {@code mailmigrator migrate}: one account pair as a one-row batch held in memory, run by the batch bundle's
 * {@code PassRunner} (the same class that runs batch rows), with the command's own parts: {@code MailEndpoint}
 * (a URL read through the scheme an installed connector declares), the live progress line, JSON report, final
 * summary and exit codes. Calendars and contacts are handed to {@code org.mailmigrator.cli.internal.pim}.
 * <p>
 * Uses the core engine, state, connector, model and SPI packages and {@code batch.jobs}' progress tracking.
 * Exported only ({@code x-friends}) to the command line's tests and to {@code connector.imap.tests}, whose
 * command-line tests check its exit codes.
 */
package org.mailmigrator.cli.internal.migrate;
