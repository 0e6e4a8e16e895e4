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
}
