/**
 * {@code mailmigrator migrate}: one IMAP account into IMAP or Exchange (EWS), incremental and resumable, with its
 * URL syntax ({@code ImapUrl}, {@code MailEndpoint}), live progress line, JSON report, final summary and exit
 * codes. Calendars and contacts are handed to {@code org.mailmigrator.cli.internal.pim}. (Being redesigned in
 * issue 13: the pass runner moves to the batch bundle and URL parsing to the connectors' declarations.)
 * <p>
 * Uses the core engine, state, connector, model and SPI packages and {@code batch.jobs}' progress tracking.
 * Exported only ({@code x-friends}) to the command line's tests and to {@code connector.imap.tests}, whose
 * command-line tests check its exit codes.
 */
package org.mailmigrator.cli.internal.migrate;
