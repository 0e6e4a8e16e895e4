package org.mailmigrator.connector.ical.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One unfolded content line of an iCalendar file with the physical line number it starts on, so that an
 * error names the line the user sees in an editor.
 */
record ContentLine(int number, String text) {

    /** Unfolds (RFC 5545 §3.1: CRLF followed by a space or tab continues the line); blank lines are dropped. */
    static List<ContentLine> unfold(String document) {
        List<ContentLine> lines = new ArrayList<>();
        String[] physical = document.split("\r\n|\n|\r", -1);
        StringBuilder current = null;
        int start = 0;
        for (int i = 0; i < physical.length; i++) {
            String p = physical[i];
            if (!p.isEmpty() && (p.charAt(0) == ' ' || p.charAt(0) == '\t') && current != null) {
                current.append(p, 1, p.length());
                continue;
            }
            if (current != null && !current.isEmpty()) {
                lines.add(new ContentLine(start, current.toString()));
            }
            current = new StringBuilder(p);
            start = i + 1;
        }
        if (current != null && !current.isEmpty()) {
            lines.add(new ContentLine(start, current.toString()));
        }
        return lines;
    }

    /** The property name, upper case: {@code DTSTART} for {@code DTSTART;TZID=Europe/Paris:2026...}. */
    String name() {
        int end = 0;
        while (end < text.length() && text.charAt(end) != ';' && text.charAt(end) != ':') {
            end++;
        }
        return text.substring(0, end).toUpperCase(Locale.ROOT);
    }

    /** The value after the first colon outside quotes. */
    String value() {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return text.substring(i + 1);
            }
        }
        return "";
    }

    /** Folds to lines of at most 75 octets (UTF-8), never inside a character, as RFC 5545 asks. */
    static String fold(String line) {
        StringBuilder out = new StringBuilder(line.length() + 8);
        int octets = 0;
        for (int i = 0; i < line.length();) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        return out.append("\r\n").toString();
    }
}
