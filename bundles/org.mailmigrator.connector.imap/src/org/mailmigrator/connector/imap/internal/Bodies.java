package org.mailmigrator.connector.imap.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Literal;
import org.mailmigrator.core.mail.MessageBody;

/** Message bodies: in memory for small messages, spooled to a file for big ones, and as IMAP literals. */
final class Bodies {
    private Bodies() {
    }

    static MessageBody of(ByteArray bytes) {
        return new MessageBody() {
            @Override
            public long size() {
                return bytes.getCount();
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(bytes.getBytes(), bytes.getStart(), bytes.getCount());
            }
        };
    }

    static MessageBody of(Path file) throws IOException {
        long size = Files.size(file);
        return new MessageBody() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(out);
                }
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
