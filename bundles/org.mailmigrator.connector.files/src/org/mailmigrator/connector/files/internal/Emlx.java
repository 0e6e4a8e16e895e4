package org.mailmigrator.connector.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Apple Mail {@code .emlx} file: line 1 the message's byte count, then the message (RFC 822 as Mail received
 * it), then an XML property list whose {@code flags} integer holds the message's state bit by bit (bit 0 read,
 * 2 answered, 4 flagged, 6 draft, 8 forwarded: the layout Mail has used since Tiger, as decoded by jwz and by
 * Thunderbird's Apple Mail import) and whose {@code date-received} is the arrival time (seconds since 1970).
 * A {@code N.partial.emlx} holds the message without its attachments (Mail keeps them beside it): it is not a
 * whole message and is not copied.
 *
 * @param start the offset of the message's first byte
 * @param end   the offset just past the message
 */
record Emlx(long start, long end, long flags, Optional<Instant> received) {
    private static final Pattern FLAGS = Pattern.compile("<key>flags</key>\\s*<integer>(\\d{1,20})</integer>");
    private static final Pattern RECEIVED = Pattern.compile("<key>date-received</key>\\s*<(?:integer|real)>(\\d{1,12})");
    /** The property list is a few hundred bytes; more than this is not read. */
    private static final int PLIST = 1 << 16;

    static boolean is(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".emlx");
    }

    static boolean partial(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".partial.emlx");
    }

    /** The id of a message file: its name, {@code .partial} left out so that a message completed later keeps it. */
    static String id(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".partial.emlx")
                ? fileName.substring(0, fileName.length() - ".partial.emlx".length()) + ".emlx" : fileName;
    }

    /**
     * Reads line 1 and the property list after the message.
     *
     * @throws IllegalArgumentException naming the file and what is wrong (no byte count, a count past the end)
     */
    static Emlx read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            InputStream in = Channels.newInputStream(ch);
            byte[] first = in.readNBytes(32);
            int nl = 0;
            while (nl < first.length && first[nl] != '\n') {
                nl++;
            }
            String count = new String(first, 0, nl, StandardCharsets.US_ASCII).trim();
            if (nl == first.length || !count.matches("\\d{1,15}")) {
                throw new IllegalArgumentException(file + " is not an Apple Mail .emlx file (line 1 is not the"
                        + " message's byte count)");
            }
            long start = nl + 1;
            long end = start + Long.parseLong(count);
            long size = ch.size();
            if (end > size) {
                throw new IllegalArgumentException(file + " is truncated: line 1 says " + count + " bytes, the file"
                        + " holds " + (size - start) + " after it");
            }
            ch.position(end);
            String plist = new String(in.readNBytes(PLIST), StandardCharsets.UTF_8);
            Matcher f = FLAGS.matcher(plist);
            Matcher r = RECEIVED.matcher(plist);
            return new Emlx(start, end, f.find() ? parse(f.group(1)) : 0,
                    r.find() ? Optional.of(Instant.ofEpochSecond(Long.parseLong(r.group(1)))) : Optional.empty());
        }
    }

    private static long parse(String digits) {
        try {
            return Long.parseUnsignedLong(digits);
        } catch (NumberFormatException e) {
            return 0; // more than 64 bits: no flag is read from it
        }
    }

    /** The IMAP flags of {@link #flags}: read, answered, flagged, draft, forwarded. */
    Set<String> imapFlags() {
        Set<String> out = new LinkedHashSet<>();
        bit(0, "\\Seen", out);
        bit(2, "\\Answered", out);
        bit(4, "\\Flagged", out);
        bit(6, "\\Draft", out);
        bit(8, "$Forwarded", out);
        return out;
    }

    private void bit(int n, String flag, Set<String> out) {
        if ((flags >>> n & 1) != 0) {
            out.add(flag);
        }
    }
}
