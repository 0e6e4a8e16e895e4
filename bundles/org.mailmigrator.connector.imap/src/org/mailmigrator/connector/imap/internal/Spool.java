package org.mailmigrator.connector.imap.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.angus.mail.iap.ByteArray;
import org.mailmigrator.core.mail.MessageBody;

/**
 * Where {@link BigFetch} puts a big message's chunks as they come: kept in memory (the chunks as Angus read them,
 * not copied; within {@link HeldBodies}) or written to a temporary file.
 */
interface Spool {
    void write(ByteArray chunk) throws IOException;

    /** The message so far, {@code size} bytes. */
    MessageBody body(long size);

    /** The file written to, named in a failure; null in memory (nothing there can fail to be written). */
    Path where();

    /** The chunks themselves, in order. */
    final class InMemory implements Spool {
        private final List<ByteArray> chunks = new ArrayList<>();

        @Override
        public void write(ByteArray chunk) {
            chunks.add(chunk);
        }

        @Override
        public MessageBody body(long size) {
            return Bodies.of(List.copyOf(chunks), size);
        }

        @Override
        public Path where() {
            return null;
        }
    }

    /** A temporary file, already unlinked (DELETE_ON_CLOSE), closed by its group. */
    record InFile(FileChannel file, Path where) implements Spool {
        @Override
        public void write(ByteArray chunk) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(chunk.getBytes(), chunk.getStart(), chunk.getCount());
            while (buffer.hasRemaining()) {
                file.write(buffer);
            }
        }

        @Override
        public MessageBody body(long size) {
            return Bodies.of(file, size);
        }
    }
}
