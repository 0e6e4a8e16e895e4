package org.mailmigrator.core.tests.engine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.mailmigrator.core.engine.SessionFactory;
import org.mailmigrator.core.mail.AppendResult;
import org.mailmigrator.core.mail.Fetched;
import org.mailmigrator.core.mail.Fingerprint;
import org.mailmigrator.core.mail.FolderStatus;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MessageBody;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.mail.MessageReader;
import org.mailmigrator.core.mail.Namespace;
import org.mailmigrator.core.mail.Outgoing;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * An account held in memory, for tests of the engine alone. Message ids are random UUIDs (no numeric order the
 * engine could lean on), unless {@code numericIds} (to stand for an IMAP folder written by an earlier release);
 * positions are a creation counter and the change token a change counter, both opaque text to the engine. Every
 * method takes the account's lock: the engine's workers may share it.
 */
public final class MemoryMail implements MailStore {
    /** One message: its bytes, flags and when (in this folder's counters) it was added and last changed. */
    public static final class Message {
        public final String id;
        public final byte[] bytes;
        public final Instant date;
        public Set<String> flags;
        /** Gmail's X-GM-MSGID when this account plays a Gmail-like source; null otherwise. */
        public String gmailId;
        final long added;
        long changed;

        Message(String id, byte[] bytes, Set<String> flags, Instant date, long added) {
            this.id = id;
            this.bytes = bytes;
            this.flags = Set.copyOf(flags);
            this.date = date;
            this.added = added;
            this.changed = added;
        }

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** One folder: its epoch, messages in the order they were added, and its counters. */
    public static final class Folder {
        public String epoch = UUID.randomUUID().toString();
        public final Map<String, Message> messages = new LinkedHashMap<>();
        long counter;
        private long nextId;
    }

    private final Map<String, Folder> folders = new LinkedHashMap<>();
    /** Folder name to its special-use attribute ({@code \\All}, {@code \\Flagged}...), as a server lists it. */
    public final Map<String, String> specialUse = new LinkedHashMap<>();
    private final boolean numericIds;

    public MemoryMail(boolean numericIds) {
        this.numericIds = numericIds;
    }

    public MemoryMail() {
        this(false);
    }

    public synchronized Folder folder(String name) {
        return folders.computeIfAbsent(name, k -> new Folder());
    }

    /** Adds a message as a person or an MTA would; returns its id. */
    public synchronized String add(String folder, String text, Set<String> flags) {
        Folder f = folder(folder);
        String id = numericIds ? Long.toString(++f.nextId) : UUID.randomUUID().toString();
        f.messages.put(id, new Message(id, text.getBytes(StandardCharsets.UTF_8), flags, Instant.parse("2024-01-01T00:00:00Z"),
                ++f.counter));
        return id;
    }

    /** Adds one Gmail message's copy to a label's folder: the account then announces X-GM-EXT-1. */
    public synchronized String addGmail(String folder, String text, Set<String> flags, String gmailId) {
        String id = add(folder, text, flags);
        folder(folder).messages.get(id).gmailId = gmailId;
        return id;
    }

    private synchronized boolean gmailLike() {
        return folders.values().stream().flatMap(f -> f.messages.values().stream()).anyMatch(m -> m.gmailId != null);
    }

    @Override
    public List<String> capabilities() {
        return gmailLike() ? List.of("IMAP4rev1", "X-GM-EXT-1") : List.of();
    }

    public synchronized void setFlags(String folder, String id, Set<String> flags) {
        Folder f = folder(folder);
        Message m = f.messages.get(id);
        m.flags = Set.copyOf(flags);
        m.changed = ++f.counter;
    }

    public synchronized void remove(String folder, String id) {
        Folder f = folder(folder);
        f.messages.remove(id);
        f.counter++;
    }

    /** Gives every message of the folder a new id and the folder a new epoch (as after a UIDVALIDITY change). */
    public synchronized void renumber(String folder) {
        Folder f = folder(folder);
        List<Message> old = new ArrayList<>(f.messages.values());
        f.messages.clear();
        f.epoch = UUID.randomUUID().toString();
        for (Message m : old) {
            String id = UUID.randomUUID().toString();
            f.messages.put(id, new Message(id, m.bytes, m.flags, m.date, ++f.counter));
        }
    }

    /** The folder's messages as texts, sorted: a multiset to compare two accounts with. */
    public synchronized List<String> texts(String folder) {
        return folder(folder).messages.values().stream().map(Message::text).sorted().toList();
    }

    public SessionFactory sessions() {
        MemoryMail store = this;
        return () -> new ConnectorSession() {
            @Override
            public <T> Optional<T> capability(Class<T> type) {
                return type == MailStore.class ? Optional.of(type.cast(store)) : Optional.empty();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public Namespace personalNamespace() {
        return new Namespace("", '/');
    }

    @Override
    public synchronized List<MailFolder> folders() {
        return folders.keySet().stream().map(n -> new MailFolder(n, '/',
                specialUse.containsKey(n) ? Set.of(specialUse.get(n)) : Set.of(), true)).toList();
    }

    @Override
    public synchronized Optional<FolderStatus> status(String folder) {
        Folder f = folders.get(folder);
        return f == null ? Optional.empty() : Optional.of(status(f));
    }

    private static FolderStatus status(Folder f) {
        return new FolderStatus(f.epoch, Long.toString(f.counter + 1), f.messages.size(), "c" + f.counter);
    }

    @Override
    public synchronized void create(String folder, boolean holdsMessages) {
        folder(folder);
    }

    @Override
    public void subscribe(String folder) {
    }

    @Override
    public synchronized Mailbox open(String folder, boolean write) throws ConnectorException {
        Folder f = folders.get(folder);
        if (f == null) {
            throw new ConnectorException.ItemFailure("no folder " + folder, null);
        }
        return new Box(f);
    }

    @Override
    public Optional<Long> appendLimit() {
        return Optional.empty();
    }

    private final class Box implements Mailbox {
        private final Folder f;
        private final FolderStatus status;

        Box(Folder f) {
            this.f = f;
            this.status = MemoryMail.status(f);
        }

        @Override
        public FolderStatus status() {
            return status;
        }

        @Override
        public Optional<Map<String, String>> gmailMessageIds() {
            synchronized (MemoryMail.this) {
                if (!gmailLike()) {
                    return Optional.empty();
                }
                Map<String, String> ids = new LinkedHashMap<>();
                f.messages.values().forEach(m -> ids.put(m.id, m.gmailId));
                return Optional.of(ids);
            }
        }

        @Override
        public String position() {
            synchronized (MemoryMail.this) {
                return Long.toString(f.counter + 1);
            }
        }

        @Override
        public List<MessageInfo> list(String changedSince) {
            long since = changedSince == null ? -1 : Long.parseLong(changedSince.substring(1));
            synchronized (MemoryMail.this) {
                return f.messages.values().stream().filter(m -> m.changed > since).map(m -> light(m)).toList();
            }
        }

        @Override
        public List<MessageInfo> listSince(String position) {
            long from = position == null ? 0 : Long.parseLong(position);
            synchronized (MemoryMail.this) {
                return f.messages.values().stream().filter(m -> m.added >= from).map(m -> light(m)).toList();
            }
        }

        private MessageInfo light(Message m) {
            return new MessageInfo(m.id, -1, null, m.flags, "c" + m.changed, null, null);
        }

        @Override
        public List<MessageInfo> details(List<String> ids) {
            synchronized (MemoryMail.this) {
                List<MessageInfo> out = new ArrayList<>();
                for (String id : ids) {
                    Message m = f.messages.get(id);
                    if (m != null) {
                        out.add(full(m));
                    }
                }
                return out;
            }
        }

        private MessageInfo full(Message m) {
            int header = headerLength(m.bytes);
            return new MessageInfo(m.id, m.bytes.length, m.date, m.flags, "c" + m.changed,
                    Fingerprint.of(m.bytes, 0, header, m.bytes.length), null);
        }

        @Override
        public long totalBytes() {
            synchronized (MemoryMail.this) {
                return f.messages.values().stream().mapToLong(m -> m.bytes.length).sum();
            }
        }

        @Override
        public void read(List<MessageInfo> messages, MessageReader reader) throws ConnectorException {
            List<Fetched> group = new ArrayList<>();
            synchronized (MemoryMail.this) {
                for (MessageInfo i : messages) {
                    Message m = f.messages.get(i.id());
                    if (m != null) {
                        group.add(new Fetched(i, MessageBody.of(m.bytes)));
                    }
                }
            }
            reader.accept(group);
        }

        @Override
        public Optional<String> append(MessageBody body, Set<String> flags, Instant internalDate) throws ConnectorException {
            return Optional.of(appendAll(List.of(new Outgoing(body, flags, internalDate))).get(0).id());
        }

        @Override
        public List<AppendResult> appendAll(List<Outgoing> messages) throws ConnectorException {
            List<AppendResult> out = new ArrayList<>();
            for (Outgoing o : messages) {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                try {
                    o.body().writeTo(bytes);
                } catch (java.io.IOException e) {
                    throw new ConnectorException.TransientFailure(e.getMessage(), e);
                }
                synchronized (MemoryMail.this) {
                    String id = numericIds ? Long.toString(++f.nextId) : UUID.randomUUID().toString();
                    f.messages.put(id, new Message(id, bytes.toByteArray(), o.flags(), o.internalDate(), ++f.counter));
                    out.add(AppendResult.stored(id));
                }
            }
            return out;
        }

        @Override
        public void replaceFlags(Map<Set<String>, List<String>> idsByFlags) {
            synchronized (MemoryMail.this) {
                idsByFlags.forEach((flags, ids) -> ids.forEach(id -> {
                    Message m = f.messages.get(id);
                    if (m != null) {
                        m.flags = Set.copyOf(flags);
                        m.changed = ++f.counter;
                    }
                }));
            }
        }

        @Override
        public void expunge(List<String> ids) {
            synchronized (MemoryMail.this) {
                new HashSet<>(ids).forEach(f.messages::remove);
                f.counter++;
            }
        }

        @Override
        public int comparePositions(String a, String b) {
            return Long.compare(a == null ? 0 : Long.parseLong(a), b == null ? 0 : Long.parseLong(b));
        }

        /** Ids say nothing of positions here: the message's own creation counter does. */
        @Override
        public String positionAfter(String position, String id) {
            synchronized (MemoryMail.this) {
                Message m = f.messages.get(id);
                long after = m == null ? 0 : m.added + 1;
                return comparePositions(position, Long.toString(after)) >= 0 ? position : Long.toString(after);
            }
        }

        @Override
        public void close() {
        }
    }

    static int headerLength(byte[] mime) {
        for (int i = 0; i + 3 < mime.length; i++) {
            if (mime[i] == '\r' && mime[i + 1] == '\n' && mime[i + 2] == '\r' && mime[i + 3] == '\n') {
                return i + 4;
            }
        }
        return mime.length;
    }
}
