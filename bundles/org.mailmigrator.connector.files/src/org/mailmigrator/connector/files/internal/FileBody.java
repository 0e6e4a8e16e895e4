package org.mailmigrator.connector.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.mailmigrator.core.mail.MessageBody;

/**
 * The bytes of a message held in a file, from {@code start} to {@code end}, streamed as they travel (CRLF line
 * ends; mboxrd quoting removed when asked) through a bounded buffer. The size was computed by the same
 * transformation when the file was listed; a file changed since then is a failure of this message, not a
 * message with other bytes.
 */
final class FileBody implements MessageBody {
    private final Path file;
    private final long start;
    private final long end;
    private final long size;
    private final boolean unquote;

    FileBody(Path file, long start, long end, long size, boolean unquote) {
        this.file = file;
        this.start = start;
        this.end = end;
        this.size = size;
        this.unquote = unquote;
    }

    /** Writes the bytes as they travel whatever the size found; returns how many were written. */
    long copyTo(OutputStream out) throws IOException {
        return copy(out);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        long written = copy(out);
        if (written != size) {
            throw new IOException(file + " changed since it was listed (offset " + start + ": " + written
                    + " bytes instead of " + size + ")");
        }
    }

    private long copy(OutputStream out) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.position(start);
            InputStream in = Channels.newInputStream(ch);
            long limit = end == Long.MAX_VALUE ? Long.MAX_VALUE : end - start;
            InputStream bounded = limit == Long.MAX_VALUE ? in : new BoundedInput(in, limit);
            Crlf crlf = new Crlf(unquote);
            byte[] seg = new byte[8192];
            long written = 0;
            try (LineReader r = new LineReader(bounded, start)) {
                int n;
                while ((n = r.next(seg)) >= 0) {
                    written += crlf.write(seg, n, r.lineStart(), out);
                }
            }
            return written;
        }
    }

    /** At most {@code limit} bytes of a stream. */
    private static final class BoundedInput extends InputStream {
        private final InputStream in;
        private long left;

        BoundedInput(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            left--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
