package org.mailmigrator.batch.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.mailmigrator.batch.MigrationStatus;

/** Text encodings of small maps and lists for database columns. */
final class Codec {
    private Codec() {
    }

    /** {@code key=value} lines, with '\\', '=' and line breaks escaped; sorted, so equal maps encode equally. */
    static String map(Map<String, String> map) {
        StringBuilder sb = new StringBuilder();
        for (var e : new TreeMap<>(map).entrySet()) {
            escape(sb, e.getKey());
            sb.append('=');
            escape(sb, e.getValue());
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '=' -> sb.append("\\e");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
    }

    static Map<String, String> map(String text) {
        Map<String, String> m = new TreeMap<>();
        if (text == null) {
            return m;
        }
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            m.put(unescape(line.substring(0, eq)), unescape(line.substring(eq + 1)));
        }
        return m;
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(switch (n) {
                    case 'e' -> '=';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String list(List<String> list) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < list.size(); i++) {
            m.put(String.format("%05d", i), list.get(i));
        }
        return map(m);
    }

    static List<String> list(String text) {
        return new ArrayList<>(map(text).values());
    }

    static String durations(Map<MigrationStatus, Duration> map) {
        Map<String, String> m = new TreeMap<>();
        map.forEach((k, v) -> m.put(k.name(), String.valueOf(v.toMillis())));
        return map(m);
    }

    static Map<MigrationStatus, Duration> durations(String text) {
        Map<MigrationStatus, Duration> m = new EnumMap<>(MigrationStatus.class);
        map(text).forEach((k, v) -> m.put(MigrationStatus.valueOf(k), Duration.ofMillis(Long.parseLong(v))));
        return m;
    }
}
