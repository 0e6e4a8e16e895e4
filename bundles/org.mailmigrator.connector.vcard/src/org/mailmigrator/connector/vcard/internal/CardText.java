package org.mailmigrator.connector.vcard.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mailmigrator.core.pim.TextFiles;

/**
 * The text of a .vcf file, decoded line by line and read as a stream: an 8-bit vCard 2.1 names the charset of each
 * value ({@code N;CHARSET=Windows-1253:...}) and one file may mix several, so a file that is not UTF-8 is read as
 * bytes and each line with a CHARSET parameter (and no quoted-printable, which ez-vcard decodes itself) is decoded
 * in that charset; the other lines in the charset assumed for the file. What the report says about charsets is
 * found by a first pass over such a file, so that it can travel with the first card.
 */
final class CardText implements AutoCloseable {
    private static final Pattern CHARSET = Pattern.compile("(?i);CHARSET=\"?([A-Za-z0-9_.:-]+)\"?");

    private final BufferedReader in;
    private final boolean perLine;
    private final List<String> notes;

    private CardText(BufferedReader in, boolean perLine, List<String> notes) {
        this.in = in;
        this.perLine = perLine;
        this.notes = notes;
    }

    /** A text already decoded (a CardDAV resource: its charset is the HTTP answer's). */
    static CardText of(String text) {
        return new CardText(new BufferedReader(new java.io.StringReader(text)), false, List.of());
    }

    static CardText open(Path file) throws IOException {
        TextFiles.Detected d = TextFiles.detect(file);
        List<String> notes = new ArrayList<>();
        if (!d.charset().equals(TextFiles.WINDOWS_1252)) {
            if (!d.charset().equals(StandardCharsets.UTF_8)) {
                notes.add("read as " + d.charset().displayName() + (d.assumed() ? " (recognised by its zero bytes)" : " (byte order mark)"));
            }
            return new CardText(d.open(file), false, notes);
        }
        List<String> named = new ArrayList<>();
        boolean fallback = false;
        try (BufferedReader raw = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            int n = 0;
            for (String line = raw.readLine(); line != null; line = raw.readLine()) {
                n++;
                Charset cs = charset(line, n, notes);
                boolean eightBit = line.chars().anyMatch(c -> c > 127);
                if (cs != null) {
                    if (eightBit && !named.contains(cs.displayName())) {
                        named.add(cs.displayName());
                    }
                } else {
                    fallback |= eightBit;
                }
            }
        }
        if (!named.isEmpty()) {
            notes.add("8-bit values read in the charset their CHARSET parameter names (" + String.join(", ", named) + ")");
        }
        if (fallback) {
            notes.add("the file is not UTF-8 and some values name no charset: those read as Windows-1252");
        }
        return new CardText(Files.newBufferedReader(file, StandardCharsets.ISO_8859_1), true, notes);
    }

    /** What the report should say about charsets (empty when the file was plain UTF-8). */
    List<String> notes() {
        return notes;
    }

    /** The next line, decoded; null at the end of the file. */
    String next() throws IOException {
        String line = in.readLine();
        if (line == null || !perLine) {
            return line;
        }
        Charset cs = charset(line, 0, null);
        return new String(line.getBytes(StandardCharsets.ISO_8859_1), cs == null ? TextFiles.WINDOWS_1252 : cs);
    }

    /** The charset a line's CHARSET parameter names, or null; an unknown one is noted (when {@code notes} is given). */
    private static Charset charset(String line, int number, List<String> notes) {
        Matcher m = CHARSET.matcher(head(line));
        if (m.find() && !line.toUpperCase(Locale.ROOT).contains("QUOTED-PRINTABLE")) {
            try {
                return Charset.forName(m.group(1));
            } catch (IllegalArgumentException unknown) {
                if (notes != null) {
                    notes.add("line " + number + ": unknown charset '" + m.group(1) + "': read as Windows-1252");
                }
            }
        }
        return null;
    }

    private static String head(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? line : line.substring(0, colon);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
