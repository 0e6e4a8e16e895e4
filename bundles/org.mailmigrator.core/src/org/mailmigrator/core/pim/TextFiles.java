package org.mailmigrator.core.pim;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes calendar and contact files whose charset nobody declared: a byte order mark (UTF-8, UTF-16 LE/BE)
 * wins; UTF-16 without a mark is recognised by its zero bytes; then UTF-8 when the bytes are valid UTF-8;
 * else Windows-1252, what Outlook and old phones write. The charset assumed is said, so a report can name it.
 */
public final class TextFiles {
    /** The decoded text and the charset it was read in; {@code assumed} is true when nothing in the file said so. */
    public record Decoded(String text, Charset charset, boolean assumed) {
        /** A note for the report when the charset was a guess other than UTF-8, else null. */
        public String note() {
            return assumed && !charset.equals(StandardCharsets.UTF_8)
                    ? "the file is not UTF-8 and names no charset: read as " + charset.displayName() : null;
        }
    }

    /**
     * The charset of a file, found without holding it: {@code skip} bytes of byte order mark come first.
     */
    public record Detected(Charset charset, boolean assumed, int skip) {
        /** As {@link Decoded#note()}. */
        public String note() {
            return new Decoded("", charset, assumed).note();
        }

        /** The file's text, decoded, after its byte order mark. */
        public java.io.BufferedReader open(java.nio.file.Path file) throws java.io.IOException {
            java.io.InputStream in = java.nio.file.Files.newInputStream(file);
            try {
                in.skipNBytes(skip);
            } catch (java.io.IOException e) {
                in.close();
                throw e;
            }
            return new java.io.BufferedReader(new java.io.InputStreamReader(in, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
        }
    }

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextFiles() {
    }

    /** The rules of {@link #decode}, applied to a file read as a stream (twice when it is not UTF-16): memory stays flat. */
    public static Detected detect(java.nio.file.Path file) throws java.io.IOException {
        byte[] b;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            b = in.readNBytes(4);
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return new Detected(StandardCharsets.UTF_8, false, 3);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return new Detected(StandardCharsets.UTF_16LE, false, 2);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return new Detected(StandardCharsets.UTF_16BE, false, 2);
        }
        if (b.length >= 4 && b[0] == 0 && b[1] != 0 && b[2] == 0) {
            return new Detected(StandardCharsets.UTF_16BE, true, 0);
        }
        if (b.length >= 4 && b[0] != 0 && b[1] == 0 && b[3] == 0) {
            return new Detected(StandardCharsets.UTF_16LE, true, 0);
        }
        try (java.io.Reader r = new java.io.InputStreamReader(java.nio.file.Files.newInputStream(file), StandardCharsets.UTF_8
                .newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            char[] buf = new char[8192];
            while (r.read(buf) >= 0) {
                // only checking that every byte decodes
            }
            return new Detected(StandardCharsets.UTF_8, true, 0);
        } catch (CharacterCodingException e) {
            return new Detected(WINDOWS_1252, true, 0);
        }
    }

    public static Decoded decode(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return new Decoded(new String(b, 3, b.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8, false);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, false);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, false);
        }
        if (b.length >= 4 && b[0] == 0 && b[1] != 0 && b[2] == 0) {
            return new Decoded(new String(b, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, true);
        }
        if (b.length >= 4 && b[0] != 0 && b[1] == 0 && b[3] == 0) {
            return new Decoded(new String(b, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, true);
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            return new Decoded(s, StandardCharsets.UTF_8, true);
        } catch (CharacterCodingException e) {
            return new Decoded(new String(b, WINDOWS_1252), WINDOWS_1252, true);
        }
    }
}
