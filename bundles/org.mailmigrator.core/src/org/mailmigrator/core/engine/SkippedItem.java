package org.mailmigrator.core.engine;

import java.time.Instant;

/**
 * A message that was not copied, with what an administrator needs to find it and the reason. {@code id} is the
 * message's id in its source folder (an IMAP UID in decimal, an Exchange ItemId, a file name); null when the
 * whole folder could not be copied.
 */
public record SkippedItem(String folder, String id, String subject, Instant date, long size, String reason) {

    /** A skip named by a numeric id (an IMAP UID); below 1: the whole folder. */
    public SkippedItem(String folder, long uid, String subject, Instant date, long size, String reason) {
        this(folder, uid < 1 ? null : Long.toString(uid), subject, date, size, reason);
    }

    /** True when the whole folder could not be copied, not one message of it. */
    public boolean wholeFolder() {
        return id == null;
    }

    /**
     * The id as a number, for reports and stores that keep numbers: the UID of an IMAP source, -1 for a whole
     * folder, 0 for an id that is not a number (then {@link #id()} names the message).
     */
    public long uid() {
        return ItemIds.number(id);
    }
}
