package org.mailmigrator.cli.internal.migrate;

import java.util.List;
import java.util.Map;

/** A minimal JSON writer for the report: maps, lists, strings, numbers, booleans and null. */
final class Json {
    private Json() {
    }

    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, "");
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object v, String indent) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> map) {
            sb.append("{");
            String inner = indent + "  ";
            boolean first = true;
            for (var e : map.entrySet()) {
                sb.append(first ? "\n" : ",\n").append(inner);
                string(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                write(sb, e.getValue(), inner);
                first = false;
            }
            sb.append(first ? "}" : "\n" + indent + "}");
        } else if (v instanceof List<?> list) {
            sb.append("[");
            String inner = indent + "  ";
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "\n" : ",\n").append(inner);
                write(sb, list.get(i), inner);
            }
            sb.append(list.isEmpty() ? "]" : "\n" + indent + "]");
        } else {
            string(sb, v.toString());
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (char c : s.toCharArray()) {
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
        sb.append('"');
    }
}
