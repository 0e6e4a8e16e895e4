package org.mailmigrator.connector.files.internal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes line segments as a message travels (RFC 5322: CRLF line ends): a bare {@code \n} becomes {@code \r\n},
 * every other byte is kept; with mboxrd unquoting, a line {@code >From }, {@code >>From }... loses exactly one
 * {@code >}. The same transformation gives the size when scanning and the bytes when reading, so both agree.
 */
final class Crlf {
    private static final byte[] FROM = "From ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final boolean unquote;
    private byte last = '\n';

    Crlf(boolean unquote) {
        this.unquote = unquote;
    }

    /** Writes one segment ({@code lineStart}: it begins a line); returns the number of bytes written. */
    long write(byte[] seg, int len, boolean lineStart, OutputStream out) throws IOException {
        int from = 0;
        if (unquote && lineStart && quotedFrom(seg, len)) {
            from = 1;
        }
        long written = 0;
        int runStart = from;
        for (int i = from; i < len; i++) {
            if (seg[i] == '\n' && (i > from ? seg[i - 1] : last) != '\r') {
                out.write(seg, runStart, i - runStart);
                out.write('\r');
                written += i - runStart + 1;
                runStart = i;
            }
        }
        out.write(seg, runStart, len - runStart);
        written += len - runStart;
        if (len > from) {
            last = seg[len - 1];
        }
        return written;
    }

    /** A line {@code >From }, {@code >>From }...: quoted by an mboxrd writer. */
    static boolean quotedFrom(byte[] seg, int len) {
        int i = 0;
        while (i < len && seg[i] == '>') {
            i++;
        }
        return i > 0 && startsWith(seg, i, len, FROM);
    }

    static boolean isFromLine(byte[] seg, int len) {
        return startsWith(seg, 0, len, FROM);
    }

    private static boolean startsWith(byte[] seg, int at, int len, byte[] prefix) {
        if (len - at < prefix.length) {
            return false;
        }
        for (int j = 0; j < prefix.length; j++) {
            if (seg[at + j] != prefix[j]) {
                return false;
            }
        }
        return true;
    }

}
