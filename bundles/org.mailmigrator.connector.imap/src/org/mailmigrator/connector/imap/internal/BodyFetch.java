package org.mailmigrator.connector.imap.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.mailmigrator.core.mail.Fetched;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.mail.MessageReader;
import org.mailmigrator.core.mail.Unread;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * Fetches message bodies: small messages many per FETCH (bounded in count and bytes), big ones in partial fetches
 * from 1 MiB, kept in memory while {@link HeldBodies} has room for them, else spooled to a temporary file, so
 * memory never grows with a message's size. The next group
 * is fetched while the reader writes the current one (two connections busy at once, not one after the other),
 * on the session's {@link Prefetcher} thread.
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
        Path spoolPath;
        /** Room a big message held in memory takes from {@link HeldBodies}; given back with the group. */
        volatile HeldBodies.Lease held;
        /** Set when the group is given up: room taken after that (a prefetch that outlived its wait) goes back. */
        volatile boolean deleted;
    }

    BodyFetch(ImapMailbox box) {
        this.box = box;
    }

    void read(List<MessageInfo> messages, MessageReader reader) throws ConnectorException {
        List<Group> groups = plan(messages);
        Prefetcher prefetch = box.prefetcher();
        Future<Result> next = null;
        try {
            next = groups.isEmpty() ? null : submit(prefetch, groups.get(0));
            for (int i = 0; i < groups.size(); i++) {
                Result current = await(next);
                next = null;
                Group following = i + 1 < groups.size() ? groups.get(i + 1) : null;
                next = following == null ? null : submit(prefetch, following);
                try {
                    current.notes().forEach(reader::note);
                    if (!current.fetched().isEmpty()) {
                        reader.accept(current.fetched());
                    }
                    for (Unread u : current.unread()) {
                        reader.unread(u);
                    }
                } finally {
                    delete(groups.get(i));
                }
            }
        } finally {
            try {
                // a prefetch still spooling must finish (or stop) before its file can be removed
                prefetch.stop(next, 30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            groups.forEach(BodyFetch::delete);
        }
    }

    private Future<Result> submit(Prefetcher prefetch, Group g) throws ConnectorException {
        try {
            return prefetch.submit(() -> fetch(g));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new ConnectorException.TransientFailure("fetching messages: the session was closed meanwhile", e);
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

    private static Result await(Future<Result> f) throws ConnectorException {
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

    /** What one group gave: the bodies that came, and the messages that did not, each with its reason. */
    record Result(List<Fetched> fetched, List<Unread> unread, List<String> notes) {
        Result(List<Fetched> fetched, List<Unread> unread) {
            this(fetched, unread, List.of());
        }

        static Result of(Fetched f) {
            return new Result(List.of(f), List.of());
        }

        static Result of(Unread u) {
            return new Result(List.of(), List.of(u));
        }

        Result noting(List<String> more) {
            return more.isEmpty() ? this : new Result(fetched, unread, java.util.stream.Stream.concat(notes.stream(),
                    more.stream()).toList());
        }
    }

    private Result fetch(Group g) throws ConnectorException {
        if (g.messages.size() == 1 && g.messages.get(0).size() > BIG) {
            MessageInfo m = g.messages.get(0);
            HeldBodies.Lease room = box.heldBodies().take(m.size()).orElse(null);
            if (room != null) {
                g.held = room;
                if (g.deleted) { // given up meanwhile: whichever of the two sees the other gives the room back
                    room.close();
                }
                return new BigFetch(box).fetch(m, new Spool.InMemory());
            }
            return new BigFetch(box).fetch(m, new Spool.InFile(spool(g), g.spoolPath));
        }
        Map<Long, ByteArray> bodies = new HashMap<>();
        collect(g.messages.stream().map(UidSets::uid).toList(), bodies);
        List<Long> missing = g.messages.stream().map(UidSets::uid).filter(u -> !bodies.containsKey(u)).toList();
        Set<Long> present = Absence.stillPresent(box, missing);
        for (long uid : present) { // once more, alone: a passing glitch must not cost a run
            collect(List.of(uid), bodies);
        }
        List<Fetched> fetched = new ArrayList<>();
        List<Unread> unread = new ArrayList<>();
        for (MessageInfo m : g.messages) {
            ByteArray body = bodies.remove(UidSets.uid(m));
            if (body != null) {
                fetched.add(new Fetched(m, Bodies.of(body)));
            } else if (present.contains(UidSets.uid(m))) {
                unread.add(Unread.notFetched(m, "the source server returned no content for this message; "
                        + "it will be tried again on the next run"));
            } else {
                unread.add(Unread.expunged(m));
            }
        }
        return new Result(fetched, unread);
    }

    /** Whole bodies by UID; a partial or empty-section answer is not a whole body and is left out. */
    private void collect(List<Long> uids, Map<Long, ByteArray> bodies) throws ConnectorException {
        Response[] rs = box.fetch("fetching messages", "UID FETCH " + UidSets.format(uids) + " (UID BODY.PEEK[])");
        for (Response r : rs) {
            if (r instanceof FetchResponse f && f.getItem(UID.class) != null) {
                BODY b = f.getItem(BODY.class);
                if (b != null && b.getByteArray() != null && b.getSection().isEmpty() && b.getOrigin() <= 0) {
                    bodies.put(f.getItem(UID.class).uid, b.getByteArray());
                }
            }
        }
    }

    private static FileChannel spool(Group g) throws ConnectorException {
        try {
            // DELETE_ON_CLOSE unlinks the file at once on Linux: even a SIGKILL leaves no spool file behind
            g.spoolPath = SpoolErrors.folder();
            Path path = Files.createTempFile(g.spoolPath, "mailmigrator-", ".eml");
            g.spoolPath = path;
            g.spool = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            return g.spool;
        } catch (IOException e) {
            throw SpoolErrors.of(e, g.spoolPath, "create a temporary file for message " + g.messages.get(0).id() + " in");
        }
    }

    private static void delete(Group g) {
        g.deleted = true;
        HeldBodies.Lease room = g.held;
        if (room != null) {
            room.close();
        }
        if (g.spool != null) {
            try {
                g.spool.close();
            } catch (IOException e) {
                // already unlinked: closing only releases the descriptor
            }
            g.spool = null;
        }
    }
}
