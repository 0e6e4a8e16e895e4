package org.mailmigrator.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What the tests' HTTP relays need to see of a request: its request line and headers, read byte by byte. */
public final class HttpHeads {
    private HttpHeads() {
    }

    /** The request line and headers up to the blank line (included), or null at the end of the stream. */
    public static String read(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int state = 0;
        for (int c = in.read(); c != -1; c = in.read()) {
            b.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            if (state == 4) {
                return b.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    /** The value of the first header {@code name} (any case) in a head, trimmed, or null. */
    public static String header(String head, String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
        }
        return null;
    }

    /** The head's Content-Length, 0 without one. */
    public static long contentLength(String head) {
        String value = header(head, "Content-Length");
        return value == null ? 0 : Long.parseLong(value);
    }
}
