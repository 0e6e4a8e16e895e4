package org.mailmigrator.connector.files.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mailmigrator.core.mail.FolderStatus;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.ReadOnlyMailStore;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * The folders of a tree of mail files, read only. Epochs are the id scheme, not the files' identity: an mbox
 * message's id is its content, a Maildir message's id its unique file name, an .eml's its file name, so an mbox
 * rewritten by a compaction (a new inode) or a Maildir folder copied elsewhere keeps its ids and nothing is copied
 * twice. The change token (sizes and modification times) lets an unchanged folder be skipped without reading it.
 * An mbox file is scanned once per session and again only when its size or modification time changed.
 */
final class FilesStore extends ReadOnlyMailStore {
    static final String MBOX_EPOCH = "mbox-content-v1";
    private final Map<String, TreeFolder> folders = new java.util.LinkedHashMap<>();
    private final boolean unquote;
    private final Map<Path, Scan> scans = new HashMap<>();

    /** One scan of an mbox file, valid while its size and modification time stay. */
    record Scan(String token, List<MboxEntry> entries) {
    }

    FilesStore(List<TreeFolder> tree, boolean unquote) {
        super(SourceFolder.READ_ONLY);
        tree.forEach(f -> folders.putIfAbsent(f.name(), f));
        this.unquote = unquote;
    }

    @Override
    public List<MailFolder> folders() {
        List<MailFolder> out = new ArrayList<>();
        for (TreeFolder f : folders.values()) {
            out.add(new MailFolder(f.name(), '/', f.kind() == TreeFolder.Kind.PARENT ? Set.of("\\Noselect") : Set.of(), true));
        }
        return out;
    }

    @Override
    public Optional<FolderStatus> status(String name) throws ConnectorException {
        TreeFolder f = folders.get(name);
        if (f == null || f.kind() == TreeFolder.Kind.PARENT) {
            return Optional.empty();
        }
        try {
            return Optional.of(switch (f.kind()) {
            case MBOX -> new FolderStatus(MBOX_EPOCH, null, scan(f.path()).entries().size(), token(f.path()));
            case MAILDIR -> {
                int count = MaildirTree.files(f.path()).size();
                yield new FolderStatus("maildir-name-v1", null, count,
                        mtime(f.path().resolve("new")) + "/" + mtime(f.path().resolve("cur")) + "/" + count);
            }
            case MH -> mhStatus(f.path());
            default -> emlStatus(f.kind(), f.path());
            });
        } catch (IOException e) {
            throw new ConnectorException.TransientFailure("reading " + f.path() + ": " + e.getMessage(), e);
        }
    }

    private static FolderStatus emlStatus(TreeFolder.Kind kind, Path dir) throws IOException {
        Map<String, Path> files = EmlTree.files(kind, dir);
        return new FolderStatus("eml-name-v1", null, files.size(), newest(files) + "/" + files.size());
    }

    /** The change token of an MH folder also moves when its sequences (the flags) change. */
    private static FolderStatus mhStatus(Path dir) throws IOException {
        Map<String, Path> files = MhTree.files(dir);
        Path seq = dir.resolve(MhTree.SEQUENCES);
        String flags = Files.isRegularFile(seq) ? mtime(seq) + "+" + Files.size(seq) : "-";
        return new FolderStatus("mh-number-v1", null, files.size(), newest(files) + "/" + files.size() + "/" + flags);
    }

    private static long newest(Map<String, Path> files) throws IOException {
        long newest = 0;
        for (Path p : files.values()) {
            newest = Math.max(newest, Files.getLastModifiedTime(p).toMillis());
        }
        return newest;
    }

    /** The entries of an mbox file: scanned once per session while the file stays the same. */
    Scan scan(Path file) throws IOException {
        String token = token(file);
        Scan s = scans.get(file);
        if (s == null || !s.token().equals(token)) {
            List<MboxEntry> entries = new ArrayList<>();
            MboxScanner.scan(file, unquote, entries::add);
            s = new Scan(token, List.copyOf(entries));
            scans.put(file, s);
        }
        return s;
    }

    static String token(Path file) throws IOException {
        return Files.size(file) + "/" + Files.getLastModifiedTime(file).toMillis();
    }

    private static long mtime(Path p) throws IOException {
        return Files.getLastModifiedTime(p).toMillis();
    }

    @Override
    public Mailbox open(String name, boolean write) throws ConnectorException {
        if (write) {
            throw refused();
        }
        FolderStatus status = status(name).orElseThrow(() -> new ConnectorException.ItemFailure(
                "no folder '" + name + "' among the mail files", null));
        TreeFolder f = folders.get(name);
        try {
            return switch (f.kind()) {
            case MBOX -> new MboxFolder(status, f.path(), scan(f.path()).entries(), unquote,
                    Files.getLastModifiedTime(f.path()).toInstant(), false);
            case MAILDIR -> new FilesFolder(status, () -> MaildirTree.files(f.path()), FilesFolder.Style.MAILDIR, f.path());
            case MH -> new FilesFolder(status, () -> MhTree.files(f.path()), FilesFolder.Style.MH, f.path());
            default -> new FilesFolder(status, () -> EmlTree.files(f.kind(), f.path()), FilesFolder.Style.EML, f.path());
            };
        } catch (IOException e) {
            throw new ConnectorException.TransientFailure("reading " + f.path() + ": " + e.getMessage(), e);
        }
    }
}
