/**
 * The IMAP benchmark, a program rather than a test: loads a deterministic corpus into a private Dovecot, times
 * Dovecot's own {@code doveadm backup} (the anchor) against this migrator in a separate JVM, and checks that both
 * copies are complete.
 * <p>
 * Uses the IMAP connector, the core engine, mail and state packages and {@code org.mailmigrator.testing}; nothing
 * may depend on this package.
 */
package org.mailmigrator.connector.imap.bench;
