package org.mailmigrator.connector.imap.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The read side of a {@link WatchedSocket}: reads from the socket in pieces of up to {@link #SIZE} bytes into its
 * own buffer, so Angus's 2 KiB buffer above it (and TLS's record reads: a 5-byte header, then the record) is
 * filled from memory, not by a system call each. A read of at least {@code SIZE} bytes (a big literal) goes
 * straight from the socket into the caller's array. {@link #available()} counts only what is buffered: it
 * costs no system call (Angus asks after every piece of a literal; what it wants to know is whether a response
 * is already here).
 */
final class WatchedInput extends InputStream {
    static final int SIZE = 64 * 1024;
    private final InputStream raw;
    private final StallWatch watch;
    private final byte[] buffer = new byte[SIZE];
    private int pos;
    private int count;

    WatchedInput(InputStream raw, StallWatch watch) {
        this.raw = raw;
        this.watch = watch;
    }

    @Override
    public int read() throws IOException {
        if (pos >= count && fill() <= 0) {
            return -1;
        }
        return buffer[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (pos >= count) {
            if (len >= SIZE) {
                return fromSocket(b, off, len);
            }
            if (fill() <= 0) {
                return -1;
            }
        }
        int n = Math.min(len, count - pos);
        System.arraycopy(buffer, pos, b, off, n);
        pos += n;
        return n;
    }

    /** One read from the socket into the buffer; -1 at the end of the stream (never 0: the socket blocks). */
    private int fill() throws IOException {
        pos = 0;
        count = 0;
        int n = fromSocket(buffer, 0, SIZE);
        if (n > 0) {
            count = n;
        }
        return n;
    }

    private int fromSocket(byte[] b, int off, int len) throws IOException {
        watch.begin();
        try {
            int n = raw.read(b, off, len);
            if (n > 0) {
                watch.moved();
            }
            return n;
        } catch (IOException e) {
            throw watch.translate(e);
        } finally {
            watch.end();
        }
    }

    @Override
    public int available() {
        return count - pos;
    }

    /**
     * Forgets what is buffered and says how many bytes that was: when TLS starts on this connection (STARTTLS),
     * the server has no business sending anything between its OK and the handshake.
     */
    int dropBuffered() {
        int n = count - pos;
        pos = 0;
        count = 0;
        return n;
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
