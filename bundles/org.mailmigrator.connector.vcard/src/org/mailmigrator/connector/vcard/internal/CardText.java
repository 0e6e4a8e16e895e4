package org.mailmigrator.connector.vcard.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mailmigrator.core.pim.TextFiles;

/**
 * The text of a .vcf file, decoded line by line: an 8-bit vCard 2.1 names the charset of each value
 * ({@code N;CHARSET=Windows-1253:...}) and one file may mix several, so a file that is not UTF-8 is read as bytes
 * and each line with a CHARSET parameter (and no quoted-printable, which ez-vcard decodes itself) is decoded
 * in that charset; the other lines in the charset assumed for the file.
 */
final class CardText {
    private static final Pattern CHARSET = Pattern.compile("(?i);CHARSET=\"?([A-Za-z0-9_.:-]+)\"?");

    /** The lines, and what the report should say about charsets (empty when the file was plain UTF-8). */
    record Lines(String[] lines, List<String> notes) {
    }

    private CardText() {
    }

    static Lines decode(byte[] bytes) {
        TextFiles.Decoded d = TextFiles.decode(bytes);
        List<String> notes = new ArrayList<>();
        if (!d.charset().equals(TextFiles.WINDOWS_1252)) {
            if (!d.charset().equals(StandardCharsets.UTF_8)) {
                notes.add("read as " + d.charset().displayName() + (d.assumed() ? " (recognised by its zero bytes)" : " (byte order mark)"));
            }
            String text = d.text().startsWith("\uFEFF") ? d.text().substring(1) : d.text();
            return new Lines(text.split("\r\n|\n|\r", -1), notes);
        }
        String[] raw = new String(bytes, StandardCharsets.ISO_8859_1).split("\r\n|\n|\r", -1);
        String[] out = new String[raw.length];
        List<String> named = new ArrayList<>();
        boolean fallback = false;
        for (int i = 0; i < raw.length; i++) {
            Matcher m = CHARSET.matcher(head(raw[i]));
            Charset cs = null;
            if (m.find() && !raw[i].toUpperCase(Locale.ROOT).contains("QUOTED-PRINTABLE")) {
                try {
                    cs = Charset.forName(m.group(1));
                } catch (IllegalArgumentException unknown) {
                    notes.add("line " + (i + 1) + ": unknown charset '" + m.group(1) + "': read as Windows-1252");
                }
            }
            boolean eightBit = raw[i].chars().anyMatch(c -> c > 127);
            if (cs != null) {
                if (eightBit && !named.contains(cs.displayName())) {
                    named.add(cs.displayName());
                }
            } else {
                cs = TextFiles.WINDOWS_1252;
                fallback |= eightBit;
            }
            out[i] = new String(raw[i].getBytes(StandardCharsets.ISO_8859_1), cs);
        }
        if (!named.isEmpty()) {
            notes.add("8-bit values read in the charset their CHARSET parameter names (" + String.join(", ", named) + ")");
        }
        if (fallback) {
            notes.add("the file is not UTF-8 and some values name no charset: those read as Windows-1252");
        }
        return new Lines(out, notes);
    }

    private static String head(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? line : line.substring(0, colon);
    }
}
