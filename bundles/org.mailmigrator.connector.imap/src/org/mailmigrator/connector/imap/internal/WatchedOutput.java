package org.mailmigrator.connector.imap.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The write side of a {@link WatchedSocket}: collects what Angus writes in a buffer of {@link #SIZE} bytes and
 * writes it to the socket when the buffer is full or Angus flushes at the end of a command (with
 * {@link TolerantProtocol} it no longer flushes before each non-synchronizing literal), so an APPEND of a small
 * message is one system call, not three, and a MULTIAPPEND of many small ones a few. Nothing sent is changed,
 * only when it leaves. Under TLS every write goes out at once ({@link #passThrough()}): the TLS layer writes and
 * flushes each record itself, so a buffer there would only copy bytes.
 */
final class WatchedOutput extends OutputStream {
    static final int SIZE = 64 * 1024;
    private final OutputStream raw;
    private final StallWatch watch;
    private final byte[] buffer = new byte[SIZE];
    private int count;
    private boolean through;

    WatchedOutput(OutputStream raw, StallWatch watch) {
        this.raw = raw;
        this.watch = watch;
    }

    /** From now on nothing is held back: TLS starts on this connection and writes whole records. */
    void passThrough() throws IOException {
        drain();
        through = true;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] { (byte) b }, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (through) {
            toSocket(b, off, len);
            return;
        }
        if (len >= SIZE - count && count > 0) { // top the buffer up and send it: one system call, not two
            int room = SIZE - count;
            System.arraycopy(b, off, buffer, count, room);
            count = SIZE;
            drain();
            off += room;
            len -= room;
        }
        if (len >= SIZE) {
            toSocket(b, off, len);
            return;
        }
        System.arraycopy(b, off, buffer, count, len);
        count += len;
    }

    @Override
    public void flush() throws IOException {
        drain();
        watch.begin();
        try {
            raw.flush();
        } catch (IOException e) {
            throw watch.translate(e);
        } finally {
            watch.end();
        }
    }

    private void drain() throws IOException {
        if (count > 0) {
            int n = count;
            count = 0; // a failed write breaks the connection: nothing is sent twice
            toSocket(buffer, 0, n);
        }
    }

    /** Writes in pieces of at most {@code SIZE}: a big literal written at once still shows its progress piece by piece. */
    private void toSocket(byte[] b, int off, int len) throws IOException {
        for (int done = 0; done < len;) {
            int n = Math.min(SIZE, len - done);
            watch.begin();
            try {
                raw.write(b, off + done, n);
                watch.moved();
            } catch (IOException e) {
                throw watch.translate(e);
            } finally {
                watch.end();
            }
            done += n;
        }
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
