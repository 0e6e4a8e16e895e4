package org.mailmigrator.core.mail;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The exact bytes of one message, of a size known before writing: a destination streams them to the
 * server (an IMAP literal needs its size first) without holding them in memory when they are big.
 */
public interface MessageBody {
    long size();

    void writeTo(OutputStream out) throws IOException;

    /** A message already in memory (tests, small messages). */
    static MessageBody of(byte[] bytes) {
        return new MessageBody() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(bytes);
            }
        };
    }
}
