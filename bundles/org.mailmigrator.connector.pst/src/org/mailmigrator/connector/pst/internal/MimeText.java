package org.mailmigrator.connector.pst.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;

/**
 * The small pieces of RFC 5322/2045/2047/2231 the rebuilt messages need: header lines with CRLF, encoded words for
 * non-ASCII text, display names quoted where needed, file names, dates, and body text as 7bit or base64.
 */
final class MimeText {
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT);

    private MimeText() {
    }

    static void line(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write('\r');
        out.write('\n');
    }

    static String date(Date d) {
        return DATE.format(d.toInstant().atOffset(ZoneOffset.UTC));
    }

    static boolean ascii(String s) {
        return s.chars().allMatch(c -> c < 128);
    }

    /** Unstructured text (Subject): as is when ASCII, else UTF-8 encoded words folded on separate lines. */
    static String unstructured(String s) {
        String flat = s.replace("\r", "").replace("\n", " ");
        if (ascii(flat)) {
            return flat;
        }
        return encodedWords(flat);
    }

    private static String encodedWords(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int end = Math.min(s.length(), i + 12);
            if (end < s.length() && Character.isHighSurrogate(s.charAt(end - 1))) {
                end++;
            }
            if (out.length() > 0) {
                out.append("\r\n ");
            }
            out.append("=?UTF-8?B?").append(Base64.getEncoder().encodeToString(s.substring(i, end)
                    .getBytes(StandardCharsets.UTF_8))).append("?=");
            i = end;
        }
        return out.toString();
    }

    /** A display name as a phrase: atoms as they are, else a quoted string, else encoded words. */
    static String phrase(String name) {
        String n = name.replace("\r", "").replace("\n", " ").strip();
        if (!ascii(n)) {
            return encodedWords(n);
        }
        if (n.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == ' ' || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0)) {
            return n;
        }
        return "\"" + n.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** {@code Name <addr>}; a name without an Internet address becomes an empty group {@code Name:;}. */
    static String address(String name, String email) {
        boolean smtp = email != null && email.contains("@") && !email.contains(" ");
        boolean named = name != null && !name.isBlank();
        if (smtp) {
            return named && !name.strip().equalsIgnoreCase(email) ? phrase(name) + " <" + email.strip() + ">" : email.strip();
        }
        return phrase(named ? name : email == null || email.isBlank() ? "unknown" : email) + ":;";
    }

    /** {@code ; name="x"} for ASCII names, RFC 2231 {@code ; name*=UTF-8''...} otherwise. */
    static String parameter(String key, String value) {
        String v = value.replace("\r", "").replace("\n", " ");
        if (ascii(v)) {
            return "; " + key + "=\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        StringBuilder enc = new StringBuilder();
        for (byte b : v.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                enc.append((char) c);
            } else {
                enc.append('%').append(String.format("%02X", c));
            }
        }
        return "; " + key + "*=UTF-8''" + enc;
    }

    /** A text body with CRLF line ends: 7bit when it is short-lined ASCII, else base64 of its UTF-8 bytes. */
    static void textPart(OutputStream out, String subtype, String text) throws IOException {
        String crlf = text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
        boolean plain = ascii(crlf) && crlf.lines().allMatch(l -> l.length() <= 900) && crlf.indexOf('\0') < 0;
        line(out, "Content-Type: text/" + subtype + "; charset=" + (plain ? "us-ascii" : "utf-8"));
        line(out, "Content-Transfer-Encoding: " + (plain ? "7bit" : "base64"));
        line(out, "");
        if (plain) {
            out.write(crlf.getBytes(StandardCharsets.US_ASCII));
            if (!crlf.endsWith("\r\n")) {
                line(out, "");
            }
        } else {
            base64(out, crlf.getBytes(StandardCharsets.UTF_8));
        }
    }

    static void base64(OutputStream out, byte[] bytes) throws IOException {
        if (bytes.length > 0) {
            out.write(Base64.getMimeEncoder().encode(bytes));
            line(out, "");
        }
    }
}
