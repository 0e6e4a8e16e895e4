/**
 * Tests of the mail-file sources: the mbox scanner against Python's {@code mailbox} module and edge cases, memory
 * with a large generated mbox, and migrations of real-world files (notmuch, MimeKit, Thunderbird; see
 * real-world/README.md) into a real Dovecot on loopback, checked against Dovecot serving the same Maildir.
 */
package org.mailmigrator.connector.files.tests;
