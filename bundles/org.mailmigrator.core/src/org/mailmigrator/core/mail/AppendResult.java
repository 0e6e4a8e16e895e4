package org.mailmigrator.core.mail;

/**
 * What became of one appended message: stored (with its id in the folder, null when the destination did not
 * say), or refused with the destination's reason (too big, malformed...), which the engine reports as a skipped
 * item.
 */
public record AppendResult(String id, String refusal) {
    public static AppendResult stored(String id) {
        return new AppendResult(id, null);
    }

    public static AppendResult refused(String reason) {
        return new AppendResult(null, reason);
    }

    public boolean ok() {
        return refusal == null;
    }
}
