package org.mailmigrator.connector.imap.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.mail.internet.MimeUtility;

/**
 * The Subject of a header block, decoded for reports, without per-message costs that grow with the header:
 * the bytes are scanned for the field (no regular expression over the whole header) and RFC 2047 encoded
 * words are decoded here. {@link MimeUtility#decodeText} gives the same text but looks up a stream provider
 * through {@code ServiceLoader} for every encoded word, which under OSGi (SPI Fly) cost a third of the client's
 * CPU in a copy; it is still used for what this decoder does not take on (a malformed word, an unknown charset),
 * so the result is the same as before.
 */
public final class Subjects {
    private static final int MAX = 200;

    private Subjects() {
    }

    /** The decoded Subject, for reports; null when absent, raw when it cannot be decoded. */
    public static String of(byte[] b, int start, int count) {
        String raw = field(b, start, start + count);
        if (raw == null) {
            return null;
        }
        String text = decode(raw);
        return text.length() > MAX ? text.substring(0, MAX) + "…" : text;
    }

    /**
     * The unfolded value of the first Subject field (ISO-8859-1 text, as the bytes came), trimmed: each line
     * break followed by a blank becomes one space; null when there is none.
     */
    public static String field(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            if (startsField(b, i, to)) {
                return value(b, i + "Subject:".length(), to);
            }
            i = nextLine(b, i, to);
        }
        return null;
    }

    private static boolean startsField(byte[] b, int i, int to) {
        String name = "subject:";
        if (to - i < name.length()) {
            return false;
        }
        for (int k = 0; k < name.length(); k++) {
            int c = b[i + k] & 0xff;
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The start of the line after the one at {@code i} (a line ends at LF, CR not before LF, or NEL). */
    private static int nextLine(byte[] b, int i, int to) {
        while (i < to) {
            int c = b[i] & 0xff;
            i++;
            if (c == '\n' || c == 0x85 || (c == '\r' && (i >= to || b[i] != '\n'))) {
                return i;
            }
        }
        return to;
    }

    private static boolean lineEnd(int c) {
        return c == '\r' || c == '\n' || c == 0x85;
    }

    private static String value(byte[] b, int i, int to) {
        while (i < to && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        StringBuilder sb = new StringBuilder();
        while (true) {
            while (i < to && !lineEnd(b[i] & 0xff)) {
                sb.append((char) (b[i] & 0xff));
                i++;
            }
            // a continuation: CR? LF then a blank (the blank and the break become one space)
            int j = i < to && b[i] == '\r' ? i + 1 : i;
            if (j + 1 < to && b[j] == '\n' && (b[j + 1] == ' ' || b[j + 1] == '\t')) {
                sb.append(' ');
                i = j + 2;
            } else {
                return sb.toString().trim();
            }
        }
    }

    /** RFC 2047 decoding as {@link MimeUtility#decodeText} does it; the raw text when that fails. */
    public static String decode(String raw) {
        if (raw.indexOf("=?") < 0) {
            return raw;
        }
        String fast = decodeWords(raw);
        if (fast != null) {
            return fast;
        }
        try {
            return MimeUtility.decodeText(raw);
        } catch (java.io.UnsupportedEncodingException | RuntimeException e) {
            return raw; // a report line is better with an undecoded subject than without one
        }
    }

    /**
     * Whitespace-separated tokens; a token that is one well-formed encoded word is decoded and the blanks
     * between two encoded words dropped. Null when a token looks encoded but is not plainly well-formed: the
     * caller then asks {@link MimeUtility}, whose answer for odd input stays the reference.
     */
    private static String decodeWords(String text) {
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder blanks = new StringBuilder();
        boolean previousEncoded = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                blanks.append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < n && " \t\r\n".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            String token = text.substring(i, end);
            i = end;
            if (token.startsWith("=?")) {
                String word = word(token);
                if (word == null) {
                    return null;
                }
                if (!previousEncoded) {
                    out.append(blanks);
                }
                out.append(word);
                previousEncoded = true;
            } else {
                out.append(blanks).append(token);
                previousEncoded = false;
            }
            blanks.setLength(0);
        }
        return out.append(blanks).toString();
    }

    /** One whole encoded word {@code =?charset?B|Q?text?=}, decoded; null when it is anything else. */
    private static String word(String token) {
        int q1 = token.indexOf('?', 2);
        int q2 = q1 < 0 ? -1 : token.indexOf('?', q1 + 1);
        if (q2 < 0 || q2 != q1 + 2 || !token.endsWith("?=") || token.indexOf("?=", q2 + 1) != token.length() - 2) {
            return null;
        }
        String charsetName = token.substring(2, q1);
        int language = charsetName.indexOf('*');
        if (language >= 0) {
            charsetName = charsetName.substring(0, language);
        }
        Charset charset;
        try {
            charset = Charset.forName(MimeUtility.javaCharset(charsetName));
        } catch (IllegalArgumentException e) {
            return null;
        }
        String text = token.substring(q2 + 1, token.length() - 2);
        byte[] bytes = switch (token.charAt(q1 + 1)) {
            case 'B', 'b' -> base64(text);
            case 'Q', 'q' -> q(text);
            default -> null;
        };
        return bytes == null ? null : new String(bytes, charset);
    }

    private static byte[] base64(String text) {
        if (text.length() % 4 != 0) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] q(String text) {
        byte[] out = new byte[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7e || c < 0x21) {
                return null;
            }
            if (c == '_') {
                out[n++] = ' ';
            } else if (c == '=') {
                int hi = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
                if (lo < 0) {
                    return null;
                }
                out[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else {
                out[n++] = (byte) c;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
