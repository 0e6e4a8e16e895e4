/**
 * Tests of batches against real Dovecot servers: CSV import (each dialect, bad input with line and column,
 * fuzzing), the store and the secret vault, runs with limits, pause/resume/stop controls, kill-and-restart of a
 * child JVM, quotas, pre-flight, pass reports, notification mails through a local SMTP server, and the {@code
 * batch} command line; plus the batch benchmark (a program, not a test).
 * <p>
 * Uses the batch API, the command line's {@code Cli}, the IMAP connector and {@code org.mailmigrator.testing};
 * nothing may depend on this package.
 */
package org.mailmigrator.batch.tests;
