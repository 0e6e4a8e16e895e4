package org.mailmigrator.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of the product's reports (batch reports, {@code migrate --report}, {@code detect --json}): maps,
 * lists, strings, numbers, booleans, null, Optional, instants and durations (ISO-8601). One writer, so every
 * report escapes text the same way.
 */
public final class Json {
    private Json() {
    }

    /** A pretty-printed document (two-space indent, one member per line), ending with a newline. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object v, int indent) {
        if (v instanceof Optional<?> o) {
            write(sb, o.orElse(null), indent);
        } else if (v == null) {
            sb.append("null");
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                var e = it.next();
                newline(sb, indent + 1);
                string(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                write(sb, e.getValue(), indent + 1);
                if (it.hasNext()) {
                    sb.append(',');
                }
            }
            if (!m.isEmpty()) {
                newline(sb, indent);
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                newline(sb, indent + 1);
                write(sb, l.get(i), indent + 1);
                if (i < l.size() - 1) {
                    sb.append(',');
                }
            }
            if (!l.isEmpty()) {
                newline(sb, indent);
            }
            sb.append(']');
        } else if (v instanceof Instant || v instanceof Duration) {
            string(sb, v.toString());
        } else {
            string(sb, v.toString());
        }
    }

    private static void newline(StringBuilder sb, int indent) {
        sb.append('\n').append("  ".repeat(indent));
    }

    private static void string(StringBuilder sb, String s) {
        sb.append(quote(s));
    }

    /** A JSON string literal of {@code text}, or {@code null} when it is null. */
    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
