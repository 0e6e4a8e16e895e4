package org.mailmigrator.core.mail;

/**
 * What became of one appended message: stored (with its UID, 0 when the server did not say), or refused
 * with the server's reason (too big, malformed...), which the engine reports as a skipped item.
 */
public record AppendResult(long uid, String refusal) {
    public static AppendResult stored(long uid) {
        return new AppendResult(uid, null);
    }

    public static AppendResult refused(String reason) {
        return new AppendResult(0, reason);
    }

    public boolean ok() {
        return refusal == null;
    }
}
