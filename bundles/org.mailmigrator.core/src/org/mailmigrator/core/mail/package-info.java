/**
 * What a mail connector offers through {@code ConnectorSession.capability(MailStore.class)}: folders with
 * their attributes, folder status, batched message listing, reading and appending. Plain Java on purpose:
 * no Jakarta Mail or OSGi types, so the engine can run (and be tested) outside any framework.
 * <p>
 * Identity is connector-neutral: a message has an opaque string id within its folder
 * ({@link org.mailmigrator.core.mail.MessageInfo#id()}), a folder an epoch that says the ids are still valid and
 * an optional change token ({@link org.mailmigrator.core.mail.FolderStatus}), and a destination an opaque
 * position that crash recovery lists from ({@link org.mailmigrator.core.mail.Mailbox#listSince}). The content
 * {@link org.mailmigrator.core.mail.Fingerprint} finds a message again when ids are lost. IMAP keeps its numbers
 * (UIDs, UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ) inside its connector, as their decimal strings here.
 * <p>
 * A folder that can only be a source (POP3, mail files, an Exchange mailbox read as a source) extends
 * {@link org.mailmigrator.core.mail.ReadOnlyMailbox}: it implements only the read side, and every write is refused
 * with the connector's own wording. A source-only account's store (POP3, mail files) extends
 * {@link org.mailmigrator.core.mail.ReadOnlyMailStore}, which refuses {@code create} with the same wording.
 */
package org.mailmigrator.core.mail;
