package org.mailmigrator.core.model;

import java.util.ArrayList;
import java.util.List;

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
    public static final String LABELS_AS_KEYWORDS = "labels-as-keywords";
    public static final String IMPORTANT_KEYWORD = "important-keyword";
    public static final String SKIP_SPAM_TRASH = "skip-spam-trash";

    /**
     * The options as a batch store or a CSV cell keeps them: comma-separated words {@code labels-as-keywords},
     * {@code important-keyword}, {@code skip-spam-trash}; empty for the defaults.
     */
    public String encode() {
        List<String> words = new ArrayList<>();
        if (labelsAsKeywords) {
            words.add(LABELS_AS_KEYWORDS);
        }
        if (importantKeyword) {
            words.add(IMPORTANT_KEYWORD);
        }
        if (skipSpamAndTrash) {
            words.add(SKIP_SPAM_TRASH);
        }
        return String.join(",", words);
    }

    /**
     * Reads {@link #encode()}'s words (case and spaces ignored); null or empty: the defaults.
     *
     * @throws IllegalArgumentException naming the word that is not one of them
     */
    public static GmailOptions parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        boolean labels = false;
        boolean important = false;
        boolean skip = false;
        for (String w : text.split("[,;\\s]+")) {
            switch (w.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "" -> {
            }
            case LABELS_AS_KEYWORDS -> labels = true;
            case IMPORTANT_KEYWORD -> important = true;
            case SKIP_SPAM_TRASH -> skip = true;
            default -> throw new IllegalArgumentException("'" + w.trim() + "' is not a Gmail option (use "
                    + LABELS_AS_KEYWORDS + ", " + IMPORTANT_KEYWORD + ", " + SKIP_SPAM_TRASH + ")");
            }
        }
        return new GmailOptions(labels, important, skip);
    }

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
