package org.mailmigrator.testing.connectors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.mailmigrator.core.mail.FolderStatus;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.ReadOnlyMailStore;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * The folders of a directory of {@code .eml} files: each sub-directory (relative path, {@code /} separated) is a
 * folder. A folder's epoch is the directory's file key (inode) and creation time: a folder deleted and made
 * again gets a new epoch. Its change token is the newest modification time and the file count, so any added,
 * removed or rewritten file changes it. Read only.
 */
final class EmlStore extends ReadOnlyMailStore {
    private final Path root;

    EmlStore(Path root) {
        super(EmlFolder.READ_ONLY);
        this.root = root;
    }

    @Override
    public List<MailFolder> folders() throws ConnectorException {
        try (Stream<Path> dirs = Files.walk(root)) {
            List<MailFolder> out = new ArrayList<>();
            for (Path d : dirs.filter(Files::isDirectory).filter(d -> !d.equals(root)).sorted().toList()) {
                out.add(new MailFolder(root.relativize(d).toString().replace('\\', '/'), '/', java.util.Set.of(), true));
            }
            return out;
        } catch (IOException e) {
            throw EmlDirectoryConnector.failure("listing " + root, e);
        }
    }

    @Override
    public Optional<FolderStatus> status(String folder) throws ConnectorException {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try {
            BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class);
            String epoch = a.fileKey() + "@" + a.creationTime().toMillis();
            List<Path> files = EmlFolder.files(dir);
            long newest = 0;
            for (Path f : files) {
                newest = Math.max(newest, Files.getLastModifiedTime(f).toMillis());
            }
            return Optional.of(new FolderStatus(epoch, null, files.size(), newest + "/" + files.size()));
        } catch (IOException e) {
            throw EmlDirectoryConnector.failure("reading " + dir, e);
        }
    }

    @Override
    public Mailbox open(String folder, boolean write) throws ConnectorException {
        FolderStatus status = status(folder).orElseThrow(() -> new ConnectorException.ItemFailure("no folder " + folder, null));
        return new EmlFolder(root.resolve(folder), status);
    }
}
