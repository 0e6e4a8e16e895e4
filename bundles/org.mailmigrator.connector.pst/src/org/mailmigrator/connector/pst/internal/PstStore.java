package org.mailmigrator.connector.pst.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.core.mail.FolderStatus;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.ReadOnlyMailStore;
import org.mailmigrator.core.spi.ConnectorException;

import com.pff.PSTFile;

/**
 * The mail folders of one open Outlook data file, read only. A message's id is its node id, which stays the same
 * while the file lives (Outlook gives a new id only to a new or moved item): a second run copies nothing. The
 * epoch carries the store's record key, so another file at the same path starts afresh; the change token (size,
 * modification time, item count) lets an unchanged folder be skipped. java-libpst reads through one file handle:
 * every read holds the file's lock.
 */
final class PstStore extends ReadOnlyMailStore {
    static final String READ_ONLY = "an Outlook data file is read only: it can only be a source";
    private final Path path;
    private final PSTFile pst;
    private final Map<String, PstTree.Node> folders = new LinkedHashMap<>();
    private final String epoch;
    private final String recordKey;

    PstStore(Path path, PSTFile pst, List<PstTree.Node> tree) throws Exception {
        super(READ_ONLY);
        this.path = path;
        this.pst = pst;
        tree.forEach(n -> folders.putIfAbsent(n.name(), n));
        this.recordKey = String.valueOf(pst.getMessageStore().getTagRecordKeyAsUUID());
        this.epoch = "pst-nid-v1/" + recordKey;
    }

    Path path() {
        return path;
    }

    PSTFile file() {
        return pst;
    }

    /** The store's record key: what tells this file from another. */
    String recordKey() {
        return recordKey;
    }

    /** Every folder, mail or not (the PIM reader reads the others). */
    List<PstTree.Node> tree() {
        return List.copyOf(folders.values());
    }

    @Override
    public List<MailFolder> folders() {
        List<MailFolder> out = new ArrayList<>();
        for (PstTree.Node n : folders.values()) {
            out.add(new MailFolder(n.name(), '/', n.attributes(), true));
        }
        return out;
    }

    @Override
    public Optional<FolderStatus> status(String name) throws ConnectorException {
        PstTree.Node n = folders.get(name);
        if (n == null || !n.mail()) {
            return Optional.empty();
        }
        try {
            String token = Files.size(path) + "/" + Files.getLastModifiedTime(path).toMillis() + "/" + n.count();
            return Optional.of(new FolderStatus(epoch, null, n.count(), token));
        } catch (IOException e) {
            throw new ConnectorException.TransientFailure("reading " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Mailbox open(String name, boolean write) throws ConnectorException {
        if (write) {
            throw refused();
        }
        FolderStatus status = status(name).orElseThrow(() -> new ConnectorException.ItemFailure(
                "no mail folder '" + name + "' in " + path, null));
        return new PstFolder(this, folders.get(name), status);
    }

    void close() {
        synchronized (pst) {
            PstOpen.closeQuietly(pst);
        }
    }
}
