package org.mailmigrator.connector.imap.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.List;

import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Literal;
import org.mailmigrator.core.mail.MessageBody;

/** Message bodies: in memory for small messages, spooled to a file for big ones, and as IMAP literals. */
final class Bodies {
    private Bodies() {
    }

    static MessageBody of(ByteArray bytes) {
        return of(List.of(bytes), bytes.getCount());
    }

    /** A body in memory as the parts Angus read (a big message's chunks, in order), {@code size} bytes in all. */
    static MessageBody of(List<ByteArray> parts, long size) {
        return new MessageBody() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                for (ByteArray p : parts) {
                    out.write(p.getBytes(), p.getStart(), p.getCount());
                }
            }
        };
    }

    /** A spooled body, read from the start of its (already unlinked) file each time it is written. */
    static MessageBody of(FileChannel spool, long size) {
        return new MessageBody() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                spool.position(0);
                // not closed: closing the stream would close (and lose) the spool
                InputStream in = Channels.newInputStream(spool);
                in.transferTo(out);
            }
        };
    }

    /** A known-size literal that streams the body: memory does not grow with the message. */
    static Literal literal(MessageBody body) {
        if (body.size() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a message of " + body.size() + " bytes cannot be an IMAP literal");
        }
        return new Literal() {
            @Override
            public int size() {
                return (int) body.size();
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                body.writeTo(out);
            }
        };
    }
}
