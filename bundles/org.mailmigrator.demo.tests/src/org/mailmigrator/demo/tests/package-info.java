/**
 * Tests of the demo batch: its in-process servers and sample mailboxes, a whole demo run through the batch
 * manager, and {@code demo} on the command line, checked by comparing mailbox snapshots.
 * <p>
 * Uses the demo (and its internals as a friend), the batch API, the IMAP connector and {@code Cli}; nothing may
 * depend on this package.
 */
package org.mailmigrator.demo.tests;
