package org.mailmigrator.connector.imap.internal;

import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongConsumer;

/**
 * The stream Angus writes arguments through ({@link TolerantProtocol#getOutputStream()}): the same bytes to the
 * same connection, but a flush right after the start of a non-synchronizing literal ({@code {123+}\r\n}, LITERAL+)
 * does nothing. Angus flushes there whether or not it waits for the server's "+"; without waiting nothing needs
 * to leave before the literal's bytes, which follow at once and end with the command's own flush. A synchronizing
 * literal ({@code {123}\r\n}) and every other flush (SASL answers, IDLE's DONE) go out as before. What passes is
 * counted for {@code sent} (the link's measure, {@link LinkRate}).
 */
final class LiteralFlushes extends DataOutputStream {
    LiteralFlushes(OutputStream out, LongConsumer sent) {
        super(new Tail(out, sent));
    }

    /** Remembers the last four bytes written through it. */
    private static final class Tail extends FilterOutputStream {
        private final LongConsumer sent;
        private int last; // the last four bytes, the latest in the low byte

        Tail(OutputStream out, LongConsumer sent) {
            super(out);
            this.sent = sent;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            sent.accept(1);
            last = last << 8 | (b & 0xff);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            sent.accept(len);
            for (int i = Math.max(off, off + len - 4); i < off + len; i++) {
                last = last << 8 | (b[i] & 0xff);
            }
        }

        @Override
        public void flush() throws IOException {
            if (last != ('+' << 24 | '}' << 16 | '\r' << 8 | '\n')) {
                out.flush();
            }
        }
    }
}
