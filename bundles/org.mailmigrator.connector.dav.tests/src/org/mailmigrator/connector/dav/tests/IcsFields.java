package org.mailmigrator.connector.dav.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.mailmigrator.core.pim.WindowsZones;

/**
 * The fields of each VEVENT/VTODO (and its VALARMs) of an iCalendar text, for a field-by-field comparison
 * of a source with what the server gives back: key "UID|RECURRENCE-ID", value the sorted list of
 * "NAME;PARAMS:VALUE" with parameters sorted and unquoted and Windows TZIDs named by their IANA zone (the
 * one deliberate change). VTIMEZONEs are left out: they are replaced by the zone database's.
 */
final class IcsFields {
    private IcsFields() {
    }

    static Map<String, List<String>> of(String text) {
        Map<String, List<String>> out = new TreeMap<>();
        List<String> lines = unfold(text);
        List<String> current = null;
        String uid = "";
        String rid = "";
        String prefix = "";
        for (String line : lines) {
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.equals("BEGIN:VEVENT") || upper.equals("BEGIN:VTODO")) {
                current = new ArrayList<>();
                uid = "";
                rid = "";
                prefix = "";
            } else if (current != null && upper.equals("BEGIN:VALARM")) {
                prefix = "VALARM/" + current.stream().filter(l -> l.startsWith("VALARM/")).count() + "/";
            } else if (current != null && upper.equals("END:VALARM")) {
                prefix = "";
            } else if (current != null && (upper.equals("END:VEVENT") || upper.equals("END:VTODO"))) {
                current.sort(null);
                out.put(uid + "|" + rid, current);
                current = null;
            } else if (current != null) {
                String normal = normalize(line);
                if (normal.startsWith("UID:")) {
                    uid = normal.substring(4);
                }
                if (normal.startsWith("RECURRENCE-ID")) {
                    rid = normal;
                }
                current.add(prefix + normal);
            }
        }
        return out;
    }

    private static String normalize(String line) {
        int colon = valueStart(line);
        String[] head = line.substring(0, colon).split(";");
        List<String> params = new ArrayList<>();
        for (int i = 1; i < head.length; i++) {
            int eq = head[i].indexOf('=');
            String name = head[i].substring(0, eq).toUpperCase(Locale.ROOT);
            String value = head[i].substring(eq + 1).replace("\"", "");
            if (name.equals("TZID")) {
                value = WindowsZones.toIana(value).orElse(value);
            }
            params.add(name + "=" + value);
        }
        params.sort(null);
        StringBuilder b = new StringBuilder(head[0].toUpperCase(Locale.ROOT));
        params.forEach(p -> b.append(';').append(p));
        return b.append(line.substring(colon)).toString();
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

    private static List<String> unfold(String text) {
        List<String> lines = new ArrayList<>();
        for (String p : text.split("\r\n|\n")) {
            if (!p.isEmpty() && (p.charAt(0) == ' ' || p.charAt(0) == '\t') && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + p.substring(1));
            } else if (!p.isEmpty()) {
                lines.add(p);
            }
        }
        return lines;
    }
}
