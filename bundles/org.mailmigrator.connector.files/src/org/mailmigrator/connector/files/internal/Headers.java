package org.mailmigrator.connector.files.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The fields of a header section (bytes as stored), unfolded, read as ISO-8859-1 so that no byte is lost. */
final class Headers {
    private final List<String[]> fields = new ArrayList<>();

    Headers(byte[] header, int length) {
        String text = new String(header, 0, length, StandardCharsets.ISO_8859_1);
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : text.split("\r?\n", -1)) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                if (name != null) {
                    value.append(' ').append(line.strip());
                }
                continue;
            }
            if (name != null) {
                fields.add(new String[] {name, value.toString()});
            }
            int colon = line.indexOf(':');
            name = colon > 0 ? line.substring(0, colon).strip().toLowerCase(Locale.ROOT) : null;
            value.setLength(0);
            if (name != null) {
                value.append(line.substring(colon + 1).strip());
            }
        }
        if (name != null) {
            fields.add(new String[] {name, value.toString()});
        }
    }

    /** The first field of that name (case-insensitive), unfolded. */
    Optional<String> first(String field) {
        String f = field.toLowerCase(Locale.ROOT);
        return fields.stream().filter(x -> x[0].equals(f)).map(x -> x[1]).findFirst();
    }

    /** True when the section starts like a mail header (a field name and a colon). */
    static boolean looksLikeHeader(byte[] head, int length) {
        int i = 0;
        while (i < length && head[i] > 32 && head[i] < 127 && head[i] != ':') {
            i++;
        }
        return i > 0 && i < length && head[i] == ':';
    }

    /** The length of the header section with its empty line, as IMAP's {@code BODY[HEADER]} gives it. */
    static int headerLength(byte[] mime, int length) {
        for (int i = 0; i + 1 < length; i++) {
            if (mime[i] == '\n' && mime[i + 1] == '\n') {
                return i + 2;
            }
            if (i + 3 < length && mime[i] == '\r' && mime[i + 1] == '\n' && mime[i + 2] == '\r' && mime[i + 3] == '\n') {
                return i + 4;
            }
        }
        return length;
    }
}
