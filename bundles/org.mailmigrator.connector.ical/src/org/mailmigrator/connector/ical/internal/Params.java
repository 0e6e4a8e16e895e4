package org.mailmigrator.connector.ical.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads and rewrites the TZID parameter of a content line, minding quoted parameter values. */
final class Params {
    private Params() {
    }

    /** The TZID parameter value of the line, unquoted, or null. */
    static String tzid(String line) {
        for (String p : segments(line)) {
            if (p.toUpperCase(Locale.ROOT).startsWith("TZID=")) {
                return ZoneResolver.unquote(p.substring(5));
            }
        }
        return null;
    }

    /** The line with its TZID parameter replaced by {@code name} (quoted when it needs to be). */
    static String withTzid(String line, String name) {
        int colon = valueStart(line);
        List<String> segments = segments(line);
        StringBuilder out = new StringBuilder(segments.get(0));
        for (String p : segments.subList(1, segments.size())) {
            out.append(';');
            if (p.toUpperCase(Locale.ROOT).startsWith("TZID=")) {
                boolean quote = name.contains(":") || name.contains(";") || name.contains(",");
                out.append("TZID=").append(quote ? "\"" + name + "\"" : name);
            } else {
                out.append(p);
            }
        }
        return out.append(line.substring(colon)).toString();
    }

    private static int valueStart(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i;
            }
        }
        return line.length();
    }

    /** Name and parameters, split on unquoted semicolons, before the value. */
    private static List<String> segments(String line) {
        String head = line.substring(0, valueStart(line));
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                out.add(head.substring(start, i));
                start = i + 1;
            }
        }
        out.add(head.substring(start));
        return out;
    }

    /**
     * {@code head} (name and parameters up to and including the colon) with backslash escapes in unquoted
     * parameter values ({@code X-TITLE=Gare de Lyon\;Hall 1}) turned into quoted values; unchanged when
     * there are none.
     */
    static String unescapeParams(String head) {
        if (head.indexOf('\\') < 0) {
            return head;
        }
        StringBuilder out = new StringBuilder();
        StringBuilder value = null;
        boolean quoted = false;
        boolean escaped = false;
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (value != null && !quoted && c == '\\' && i + 1 < head.length() && ";,:\\".indexOf(head.charAt(i + 1)) >= 0) {
                value.append(head.charAt(++i));
                escaped = true;
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && (c == ';' || c == ':')) {
                if (value != null) {
                    out.append(escaped ? "\"" + value.toString().replace("\"", "'") + "\"" : value);
                }
                value = null;
                escaped = false;
                out.append(c);
                if (c == ':') {
                    out.append(head.substring(i + 1));
                    return out.toString();
                }
                continue;
            }
            if (value != null) {
                value.append(c);
            } else {
                out.append(c);
                if (c == '=' && !quoted) {
                    value = new StringBuilder();
                }
            }
        }
        if (value != null) {
            out.append(escaped ? "\"" + value + "\"" : value);
        }
        return out.toString();
    }
}
