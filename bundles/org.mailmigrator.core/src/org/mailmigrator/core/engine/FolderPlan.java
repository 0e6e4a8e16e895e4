package org.mailmigrator.core.engine;

/**
 * One line of the plan: a source folder, where it goes and why (every rename has a reason), whether the
 * destination folder must be created, and the source's message count and bytes (bytes only in a dry run).
 * An empty destination marks a source folder that becomes no folder (Gmail's Starred: a flag on every copy);
 * such a line is not selectable and its reason says what happens to its messages.
 */
public record FolderPlan(String source, String destination, String reason, boolean selectable, boolean subscribed,
        boolean create, long messages, long bytes) {

    /** The same line with another reason (a rule that keeps the destination but says why). */
    public FolderPlan withReason(String newReason) {
        return new FolderPlan(source, destination, newReason, selectable, subscribed, create, messages, bytes);
    }

    /** False for a source folder that becomes no folder (Gmail's Starred and Important): nothing is created. */
    public boolean hasDestination() {
        return !destination.isEmpty();
    }

    public FolderPlan withCounts(long newMessages, long newBytes) {
        return new FolderPlan(source, destination, reason, selectable, subscribed, create, newMessages, newBytes);
    }
}
