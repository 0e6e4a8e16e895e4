package org.mailmigrator.autodetect;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host name pattern of a preset: '*' stands for one or more labels, {n} for a server number
 * (pro{n}.mail.ovh.net). Matching a host captures the number so the preset's servers can be filled in.
 */
public record HostPattern(String text) {
    private static final Pattern VARIABLE = Pattern.compile("\\{n\\}");

    public Optional<Map<String, String>> match(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        h = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
        Matcher m = regex().matcher(h);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(text.contains("{n}") ? Map.of("n", m.group("n")) : Map.of());
    }

    private Pattern regex() {
        StringBuilder out = new StringBuilder();
        String t = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '*') {
                out.append("[a-z0-9-]+(?:\\.[a-z0-9-]+)*");
            } else if (t.startsWith("{n}", i)) {
                out.append("(?<n>\\d+)");
                i += 2;
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(out.toString());
    }

    /** Fills {n} in a host or URL template; unknown variables stay as they are. */
    public static String fill(String template, Map<String, String> variables) {
        String n = variables.get("n");
        return template == null || n == null ? template : VARIABLE.matcher(template).replaceAll(n);
    }
}
