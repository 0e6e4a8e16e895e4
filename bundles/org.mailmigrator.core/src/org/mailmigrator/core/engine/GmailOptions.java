package org.mailmigrator.core.engine;

/**
 * How a Gmail-like source (one announcing X-GM-EXT-1) is migrated. By default each user label becomes a folder of
 * that path, Starred becomes the {@code \Flagged} flag on every copy, Important is left out, Spam and Trash are
 * copied to Junk and Trash.
 *
 * @param labelsAsKeywords user labels become keywords on the message's copies instead of folders (a message with
 *     no other placement then goes to Archive)
 * @param importantKeyword Important becomes the keyword {@code $Important} on every copy
 * @param skipSpamAndTrash Spam and Trash are not migrated
 */
public record GmailOptions(boolean labelsAsKeywords, boolean importantKeyword, boolean skipSpamAndTrash) {
    public static final GmailOptions DEFAULT = new GmailOptions(false, false, false);

    /** The options as words for a report or a status line; empty for the defaults. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (labelsAsKeywords) {
            sb.append("labels as keywords");
        }
        if (importantKeyword) {
            sb.append(sb.isEmpty() ? "" : ", ").append("Important as $Important");
        }
        if (skipSpamAndTrash) {
            sb.append(sb.isEmpty() ? "" : ", ").append("Spam and Trash left out");
        }
        return sb.toString();
    }
}
