package org.mailmigrator.connector.files.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a file as line segments with a bounded buffer: a line longer than the caller's array comes in several
 * segments, only the last of which ends with {@code \n}. Memory never depends on line or file length.
 */
final class LineReader implements Closeable {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private long offset;
    private boolean complete = true;
    private boolean atLineStart = true;

    LineReader(InputStream in, long startOffset) {
        this.in = in;
        this.offset = startOffset;
    }

    /** The file offset of the next segment. */
    long offset() {
        return offset;
    }

    /** Whether the segment last read ended its line (ends with {@code \n}). */
    boolean complete() {
        return complete;
    }

    /** Whether the segment last read started a line. */
    boolean lineStart() {
        return atLineStart;
    }

    /** Copies the next segment into {@code dst}; its length, or -1 at the end of the file. */
    int next(byte[] dst) throws IOException {
        atLineStart = complete;
        int n = 0;
        while (n < dst.length) {
            if (pos == lim) {
                lim = in.read(buf, 0, buf.length);
                pos = 0;
                if (lim <= 0) {
                    lim = 0;
                    break;
                }
            }
            byte b = buf[pos++];
            dst[n++] = b;
            if (b == '\n') {
                complete = true;
                offset += n;
                return n;
            }
        }
        if (n == 0) {
            return -1; // the end: the last segment's completeness stays what it was
        }
        complete = false;
        offset += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
