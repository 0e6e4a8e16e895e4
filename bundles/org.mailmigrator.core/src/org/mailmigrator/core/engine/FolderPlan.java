package org.mailmigrator.core.engine;

/**
 * One line of the plan: a source folder, where it goes and why (every rename has a reason), whether the
 * destination folder must be created, and the source's message count and bytes (bytes only in a dry run).
 */
public record FolderPlan(String source, String destination, String reason, boolean selectable, boolean subscribed,
        boolean create, long messages, long bytes) {

    public FolderPlan withCounts(long newMessages, long newBytes) {
        return new FolderPlan(source, destination, reason, selectable, subscribed, create, newMessages, newBytes);
    }
}
