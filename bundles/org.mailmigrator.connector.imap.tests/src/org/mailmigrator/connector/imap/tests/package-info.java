/**
 * Tests of the IMAP connector and of the mail engine against real servers on loopback (Dovecot, Cyrus, Courier,
 * hoodiecrow): scenarios run, re-run, interrupted and resumed; SIGKILL at chosen steps in a child JVM; fault
 * relays that cut or stall connections; a server matrix; folder mapping; FETCH parsing; the {@code migrate}
 * command line. (Engine tests against an in-memory mailbox are being added to {@code core.tests} in issue 13.)
 * <p>
 * Uses the IMAP connector and its internals, the core engine and state internals as a friend, {@code Cli} and
 * {@code org.mailmigrator.testing}; nothing may depend on this package.
 */
package org.mailmigrator.connector.imap.tests;
