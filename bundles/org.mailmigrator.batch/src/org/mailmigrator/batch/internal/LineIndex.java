package org.mailmigrator.batch.internal;

import java.util.Arrays;

/**
 * Character offset to 1-based line number, so that a record's line is exact across empty lines, comments
 * and quoted cells that span lines (the parser's own line counter points at the record's end).
 */
final class LineIndex {
    private final int[] starts;

    LineIndex(String text) {
        int[] s = new int[16];
        int n = 0;
        s[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                if (n == s.length) {
                    s = Arrays.copyOf(s, n * 2);
                }
                s[n++] = i + 1;
            }
        }
        starts = Arrays.copyOf(s, n);
    }

    /**
     * The line a record starting at {@code offset} is on: the parser reports the position before the empty
     * lines and comment lines it skipped, so those are skipped here too.
     */
    int recordLine(String text, long offset, boolean comments) {
        int i = (int) offset;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                i++;
            } else if (comments && c == '#') {
                while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
            } else {
                break;
            }
        }
        return line(i);
    }

    int line(long offset) {
        int i = Arrays.binarySearch(starts, (int) offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
