/**
 * Tests of the POP3 connector against real POP3 servers on loopback (Dovecot's pop3 and Cyrus's pop3d): the
 * {@code migrate} command line from a POP3 source into Dovecot over IMAP, bytes and dates compared with what the
 * source server shows over IMAP, reruns, skips retried, TLS and sign-in failures, a cut connection, a copying child
 * JVM SIGKILLed and resumed, and no DELE ever.
 * <p>
 * Uses the POP3 connector and its internals, {@code Cli}, Angus Mail (IMAP, to fill and read mailboxes),
 * {@code org.mailmigrator.testing} and the child main of {@code org.mailmigrator.testing.connectors} (which loads
 * {@link org.mailmigrator.connector.pop3.tests.Pop3ChildSource} by name); nothing else may depend on this package.
 */
package org.mailmigrator.connector.pop3.tests;
