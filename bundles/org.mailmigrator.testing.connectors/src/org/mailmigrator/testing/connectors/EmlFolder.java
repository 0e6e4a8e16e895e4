package org.mailmigrator.testing.connectors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.mailmigrator.core.mail.Fetched;
import org.mailmigrator.core.mail.Fingerprint;
import org.mailmigrator.core.mail.FolderStatus;
import org.mailmigrator.core.mail.MessageBody;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.mail.MessageReader;
import org.mailmigrator.core.mail.ReadOnlyMailbox;
import org.mailmigrator.core.mail.Unread;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * One directory of {@code .eml} files. A message's id is its file name (a string with no order the engine may
 * use); its change token the file's modification time and size; its flags none; its arrival date the file's
 * modification time. A file is read when asked, one at a time (never the whole folder in memory).
 */
final class EmlFolder extends ReadOnlyMailbox {
    static final String READ_ONLY = "a directory of .eml files is read only";

    private final Path dir;
    private final FolderStatus status;

    EmlFolder(Path dir, FolderStatus status) {
        super(READ_ONLY);
        this.dir = dir;
        this.status = status;
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".eml") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    @Override
    public FolderStatus status() {
        return status;
    }

    @Override
    public List<MessageInfo> list(String changedSince) throws ConnectorException {
        return listSince(null);
    }

    @Override
    public List<MessageInfo> listSince(String position) throws ConnectorException {
        try {
            List<MessageInfo> out = new ArrayList<>();
            for (Path f : files(dir)) {
                out.add(new MessageInfo(f.getFileName().toString(), -1, null, Set.of(), token(f), null, null));
            }
            return out;
        } catch (IOException e) {
            throw EmlDirectoryConnector.failure("listing " + dir, e);
        }
    }

    private static String token(Path f) throws IOException {
        return Files.getLastModifiedTime(f).toMillis() + "/" + Files.size(f);
    }

    @Override
    public List<MessageInfo> details(List<String> ids) throws ConnectorException {
        List<MessageInfo> out = new ArrayList<>();
        for (String id : ids) {
            Path f = dir.resolve(id);
            try {
                byte[] bytes = Files.readAllBytes(f);
                int header = headerLength(bytes);
                out.add(new MessageInfo(id, bytes.length, Files.getLastModifiedTime(f).toInstant(), Set.of(), token(f),
                        Fingerprint.of(bytes, 0, header, bytes.length), null));
            } catch (java.nio.file.NoSuchFileException e) {
                // removed since the listing: left out, as a server leaves out an expunged message
            } catch (IOException e) {
                throw EmlDirectoryConnector.failure("reading " + f, e);
            }
        }
        return out;
    }

    @Override
    public long totalBytes() throws ConnectorException {
        try {
            long total = 0;
            for (Path f : files(dir)) {
                total += Files.size(f);
            }
            return total;
        } catch (IOException e) {
            throw EmlDirectoryConnector.failure("sizing " + dir, e);
        }
    }

    @Override
    public void read(List<MessageInfo> messages, MessageReader reader) throws ConnectorException {
        for (MessageInfo m : messages) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(dir.resolve(m.id()));
            } catch (java.nio.file.NoSuchFileException e) {
                reader.unread(Unread.expunged(m));
                continue;
            } catch (IOException e) {
                reader.unread(Unread.notFetched(m, "the file could not be read: " + e.getMessage()));
                continue;
            }
            reader.accept(List.of(new Fetched(m, MessageBody.of(bytes))));
        }
    }

    /** The header section with its empty line, as an IMAP server returns {@code BODY[HEADER]}. */
    static int headerLength(byte[] mime) {
        for (int i = 0; i + 1 < mime.length; i++) {
            if (mime[i] == '\n' && mime[i + 1] == '\n') {
                return i + 2;
            }
            if (i + 3 < mime.length && mime[i] == '\r' && mime[i + 1] == '\n' && mime[i + 2] == '\r' && mime[i + 3] == '\n') {
                return i + 4;
            }
        }
        return mime.length;
    }
}
