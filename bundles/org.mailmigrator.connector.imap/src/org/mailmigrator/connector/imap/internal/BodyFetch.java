package org.mailmigrator.connector.imap.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.mailmigrator.core.mail.Fetched;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.mail.MessageReader;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * Fetches message bodies: small messages many per FETCH (bounded in count and bytes), big ones in 1 MiB
 * partial fetches spooled to a temporary file, so memory never grows with a message's size. The next group
 * is fetched while the reader writes the current one (two connections busy at once, not one after the other).
 */
final class BodyFetch {
    static final long BIG = 1L << 20;
    private static final int GROUP_COUNT = 50;
    private static final long GROUP_BYTES = 4L << 20;
    private final ImapMailbox box;

    /** Messages fetched together; a big message is a group of its own, spooled to {@code spool}. */
    private static final class Group {
        final List<MessageInfo> messages = new ArrayList<>();
        long bytes;
        FileChannel spool;
    }

    BodyFetch(ImapMailbox box) {
        this.box = box;
    }

    void read(List<MessageInfo> messages, MessageReader reader) throws ConnectorException {
        List<Group> groups = plan(messages);
        ExecutorService prefetch = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mailmigrator-prefetch");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<List<Fetched>> next = groups.isEmpty() ? null : prefetch.submit(() -> fetch(groups.get(0)));
            for (int i = 0; i < groups.size(); i++) {
                List<Fetched> current = await(next);
                Group following = i + 1 < groups.size() ? groups.get(i + 1) : null;
                next = following == null ? null : prefetch.submit(() -> fetch(following));
                try {
                    if (!current.isEmpty()) {
                        reader.accept(current);
                    }
                } finally {
                    delete(groups.get(i));
                }
            }
        } finally {
            prefetch.shutdownNow();
            try {
                // a prefetch still spooling must finish (or stop) before its file can be removed
                prefetch.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            groups.forEach(BodyFetch::delete);
        }
    }

    private static List<Group> plan(List<MessageInfo> messages) {
        List<Group> groups = new ArrayList<>();
        Group open = null;
        for (MessageInfo m : messages) {
            if (m.size() > BIG) {
                Group g = new Group();
                g.messages.add(m);
                groups.add(g);
                continue;
            }
            if (open == null || open.messages.size() >= GROUP_COUNT || open.bytes >= GROUP_BYTES) {
                open = new Group();
                groups.add(open);
            }
            open.messages.add(m);
            open.bytes += Math.max(m.size(), 0);
        }
        return groups;
    }

    private static List<Fetched> await(Future<List<Fetched>> f) throws ConnectorException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException.TransientFailure("interrupted while fetching", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConnectorException c) {
                throw c;
            }
            throw new ConnectorException.TransientFailure("fetching failed: " + e.getCause(), e.getCause());
        }
    }

    private List<Fetched> fetch(Group g) throws ConnectorException {
        if (g.messages.size() == 1 && g.messages.get(0).size() > BIG) {
            return fetchBig(g);
        }
        Map<Long, ByteArray> bodies = new HashMap<>();
        Response[] rs = box.run("fetching messages", "UID FETCH "
                + UidSets.format(g.messages.stream().map(MessageInfo::uid).toList()) + " (UID BODY.PEEK[])");
        for (Response r : rs) {
            if (r instanceof FetchResponse f && f.getItem(UID.class) != null && f.getItem(BODY.class) != null) {
                bodies.put(f.getItem(UID.class).uid, f.getItem(BODY.class).getByteArray());
            }
        }
        List<Fetched> fetched = new ArrayList<>();
        for (MessageInfo m : g.messages) {
            ByteArray body = bodies.remove(m.uid());
            if (body != null) { // absent: expunged on the source meanwhile, nothing to copy
                fetched.add(new Fetched(m, Bodies.of(body)));
            }
        }
        return fetched;
    }

    private List<Fetched> fetchBig(Group g) throws ConnectorException {
        MessageInfo m = g.messages.get(0);
        try {
            // DELETE_ON_CLOSE unlinks the file at once on Linux: even a SIGKILL leaves no spool file behind
            Path path = Files.createTempFile("mailmigrator-", ".eml");
            g.spool = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            long size = 0;
            boolean present = false;
            for (long offset = 0;; offset += BIG) {
                ByteArray chunk = chunk(m.uid(), offset);
                if (chunk == null) {
                    break;
                }
                present = true;
                ByteBuffer buffer = ByteBuffer.wrap(chunk.getBytes(), chunk.getStart(), chunk.getCount());
                while (buffer.hasRemaining()) {
                    g.spool.write(buffer);
                }
                size += chunk.getCount();
                if (chunk.getCount() < BIG) {
                    break;
                }
            }
            return present ? List.of(new Fetched(m, Bodies.of(g.spool, size))) : List.of();
        } catch (IOException e) {
            throw new ConnectorException.TransientFailure("cannot spool message " + m.uid()
                    + " to a temporary file: " + e.getMessage(), e);
        }
    }

    private static void delete(Group g) {
        if (g.spool != null) {
            try {
                g.spool.close();
            } catch (IOException e) {
                // already unlinked: closing only releases the descriptor
            }
            g.spool = null;
        }
    }

    private ByteArray chunk(long uid, long offset) throws ConnectorException {
        Response[] rs = box.run("fetching a big message", "UID FETCH " + uid + " (UID BODY.PEEK[]<" + offset + "."
                + BIG + ">)");
        for (Response r : rs) {
            if (r instanceof FetchResponse f && f.getItem(UID.class) != null && f.getItem(UID.class).uid == uid
                    && f.getItem(BODY.class) != null) {
                return f.getItem(BODY.class).getByteArray();
            }
        }
        return null;
    }
}
