package org.mailmigrator.core.mail;

/**
 * A message that {@link Mailbox#read} could not hand over, and why. {@link Kind#EXPUNGED} only when the
 * source proved the message is gone (asked for it again and got nothing); anything else is
 * {@link Kind#NOT_FETCHED}: the engine lists it as skipped with the reason and tries it again on the next run.
 */
public record Unread(MessageInfo info, Kind kind, String reason) {

    /** What is known about a message that was not read. */
    public enum Kind {
        /** The source no longer has the message (proven by asking again). */
        EXPUNGED,
        /** The message may still exist but its content did not come. */
        NOT_FETCHED
    }

    public static Unread expunged(MessageInfo info) {
        return new Unread(info, Kind.EXPUNGED, "expunged on the source during the run");
    }

    public static Unread notFetched(MessageInfo info, String reason) {
        return new Unread(info, Kind.NOT_FETCHED, reason);
    }
}
