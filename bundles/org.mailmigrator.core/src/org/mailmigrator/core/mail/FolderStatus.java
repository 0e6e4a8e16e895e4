package org.mailmigrator.core.mail;

/**
 * What a connector says about a folder without sending its messages; every value but the count is opaque to
 * the engine, which only compares them for equality.
 *
 * @param epoch what says "the ids of this folder are still valid" (IMAP UIDVALIDITY, an Exchange folder id, a
 *     directory's identity); a different epoch makes every remembered id meaningless. Never null.
 * @param position where the folder's next added message will be (IMAP UIDNEXT): the position the
 *     {@link Mailbox#position()} of an opened folder gives, null when the connector cannot tell without opening it
 * @param messages how many messages the folder holds
 * @param changeToken what changes whenever anything in the folder changes (IMAP HIGHESTMODSEQ, an Exchange
 *     SyncState, a directory's latest mtime); null when the connector has none, and then every run lists the
 *     folder to find changes
 */
public record FolderStatus(String epoch, String position, long messages, String changeToken) {
    public FolderStatus {
        java.util.Objects.requireNonNull(epoch, "epoch");
    }
}
