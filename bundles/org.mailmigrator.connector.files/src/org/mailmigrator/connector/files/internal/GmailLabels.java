package org.mailmigrator.connector.files.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labels of a Google Takeout message: {@code X-Gmail-Labels: Inbox,Important,"Work, old",=?UTF-8?Q?...?=}
 * (comma-separated, a label holding a comma in double quotes, non-ASCII labels as RFC 2047 encoded words).
 */
final class GmailLabels {
    private static final Pattern WORD = Pattern.compile("=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?=");

    private GmailLabels() {
    }

    static List<String> parse(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : value.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                add(cur, out);
            } else {
                cur.append(c);
            }
        }
        add(cur, out);
        return out;
    }

    private static void add(StringBuilder cur, List<String> out) {
        String label = decode(cur.toString().strip());
        if (!label.isEmpty()) {
            out.add(label);
        }
        cur.setLength(0);
    }

    /** RFC 2047 encoded words decoded; the rest (read as ISO-8859-1 from the file) taken as UTF-8 bytes. */
    static String decode(String text) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String between = text.substring(last, m.start());
            out.append(between.isBlank() && last > 0 ? "" : utf8(between));
            try {
                Charset cs = Charset.forName(m.group(1));
                byte[] bytes = m.group(2).equalsIgnoreCase("b") ? Base64.getDecoder().decode(m.group(3)) : q(m.group(3));
                out.append(new String(bytes, cs));
            } catch (IllegalArgumentException e) {
                out.append(m.group()); // unknown charset or bad encoding: kept as written
            }
            last = m.end();
        }
        out.append(utf8(text.substring(last)));
        return out.toString();
    }

    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static byte[] q(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < s.length()) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
