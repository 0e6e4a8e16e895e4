package org.mailmigrator.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

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
}
