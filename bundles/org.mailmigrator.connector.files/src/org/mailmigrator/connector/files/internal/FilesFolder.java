package org.mailmigrator.connector.files.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mailmigrator.core.mail.Fingerprint;
import org.mailmigrator.core.mail.FolderStatus;
import org.mailmigrator.core.mail.MessageBody;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * A folder whose messages are one file each: a Maildir folder (id: the file name before {@code :2,}, which stays
 * when the file moves from new/ to cur/ or its flags change; flags from the name; arrival date the file's
 * modification time, as Dovecot takes it), a directory of .eml files (id: the file name; no flags; arrival date
 * the last hop's {@code Received:}, else {@code Date:}, else the modification time) and of Apple Mail .emlx files
 * (the message between the byte count and the property list; flags and arrival date from the property list:
 * {@link Emlx}), or an MH folder (id: the number; flags from {@code .mh_sequences}; dates as .eml). A file that
 * does not start like a mail header, a damaged .emlx and a partial one are skipped with the file's name.
 */
final class FilesFolder extends SourceFolder {
    private static final int HEAD = 1 << 20;
    private final FolderFiles files;
    private final Style style;
    private final MhTree.Sequences sequences;
    private Map<String, Path> byId;

    /** Where a folder's flags are kept: in Maildir file names, in .emlx property lists (none in .eml), MH sequences. */
    enum Style {
        MAILDIR, EML, MH
    }

    /** Lists the message files of a folder: id to current path. */
    @FunctionalInterface
    interface FolderFiles {
        Map<String, Path> list() throws IOException;
    }

    FilesFolder(FolderStatus status, FolderFiles files, Style style, Path dir) {
        super(status);
        this.files = files;
        this.style = style;
        this.sequences = style == Style.MH ? new MhTree.Sequences(dir) : null;
    }

    private Map<String, Path> files(boolean fresh) throws ConnectorException {
        if (byId == null || fresh) {
            try {
                byId = new LinkedHashMap<>(files.list());
            } catch (IOException e) {
                throw new ConnectorException.TransientFailure("listing mail files: " + e.getMessage(), e);
            }
        }
        return byId;
    }

    private Optional<Path> path(String id) throws ConnectorException {
        Path p = files(false).get(id);
        if (p == null || !Files.exists(p)) {
            p = files(true).get(id); // renamed since (a Maildir flag change, new/ to cur/)
        }
        return Optional.ofNullable(p);
    }

    private Set<String> flags(String id, Path p) {
        return switch (style) {
        case MAILDIR -> Flags.ofMaildir(p.getFileName().toString(), MaildirTree.keywords(p));
        case MH -> sequences.flags(id);
        case EML -> {
            Emlx x = emlx(p);
            yield x == null ? Set.of() : x.imapFlags();
        }
        };
    }

    /** The .emlx reading of a file; null for another file, or an .emlx too damaged to read (then a listed skip). */
    private static Emlx emlx(Path p) {
        if (!Emlx.is(p)) {
            return null;
        }
        try {
            return Emlx.read(p);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    List<MessageInfo> listing() throws ConnectorException {
        return files(true).entrySet().stream()
                .map(e -> new MessageInfo(e.getKey(), -1, null, flags(e.getKey(), e.getValue()), null, null, null))
                .toList();
    }

    @Override
    Optional<MessageInfo> detail(String id) throws ConnectorException {
        Optional<Path> p = path(id);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        try {
            Emlx x = emlx(p.get());
            Head head = x == null ? head(p.get()) : head(p.get(), x.start(), x.end());
            int hl = Headers.headerLength(head.bytes, head.bytes.length);
            Headers h = new Headers(head.bytes, hl);
            Instant mtime = Files.getLastModifiedTime(p.get()).toInstant();
            Instant date = style == Style.MAILDIR ? mtime
                    : (x == null ? Optional.<Instant>empty() : x.received())
                            .or(() -> h.first("Received").flatMap(Dates::received))
                            .or(() -> h.first("Date").flatMap(Dates::rfc5322)).orElse(mtime);
            return Optional.of(new MessageInfo(id, head.size, date, flags(id, p.get()), null,
                    Fingerprint.of(head.bytes, 0, hl, head.size), h.first("Subject").orElse(null)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ConnectorException.TransientFailure("reading " + p.get() + ": " + e.getMessage(), e);
        }
    }

    @Override
    Optional<String> problem(MessageInfo m) throws ConnectorException {
        Optional<Path> p = path(m.id());
        if (p.isEmpty()) {
            return Optional.empty();
        }
        if (Emlx.partial(p.get())) {
            return Optional.of(p.get() + " is a partial Apple Mail message (Mail keeps its attachments apart, not in"
                    + " this file): not copied, as the attachments would be lost; tried again on the next run");
        }
        try {
            Emlx x = null;
            if (Emlx.is(p.get())) {
                try {
                    x = Emlx.read(p.get());
                } catch (IllegalArgumentException e) {
                    return Optional.of(e.getMessage());
                }
            }
            Head head = x == null ? head(p.get()) : head(p.get(), x.start(), x.end());
            if (head.size == 0) {
                return Optional.of(p.get() + " is empty: not a mail message");
            }
            if (!Headers.looksLikeHeader(head.bytes, head.bytes.length)) {
                return Optional.of(p.get() + " is not a mail message (line 1 is not a header field 'Name: value')");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(p.get() + " could not be read: " + e.getMessage());
        }
    }

    @Override
    Optional<MessageBody> body(MessageInfo m) throws ConnectorException {
        return path(m.id()).map(p -> {
            Emlx x = emlx(p);
            return x == null ? new FileBody(p, 0, Long.MAX_VALUE, m.size(), false)
                    : new FileBody(p, x.start(), x.end(), m.size(), false);
        });
    }

    /** The first MiB of a message as it travels and its whole size, in one bounded pass. */
    record Head(byte[] bytes, long size) {
    }

    static Head head(Path file) throws IOException {
        return head(file, 0, Long.MAX_VALUE);
    }

    /** {@link #head(Path)} of the bytes from {@code start} to {@code end}. */
    static Head head(Path file, long start, long end) throws IOException {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        OutputStream capped = new OutputStream() {
            @Override
            public void write(int b) {
                if (first.size() < HEAD) {
                    first.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                first.write(b, off, Math.max(0, Math.min(len, HEAD - first.size())));
            }
        };
        long size = new FileBody(file, start, end, -1, false).copyTo(capped);
        return new Head(first.toByteArray(), size);
    }
}
