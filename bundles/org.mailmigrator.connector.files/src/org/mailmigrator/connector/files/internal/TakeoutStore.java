package org.mailmigrator.connector.files.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * A Google Takeout mbox shown as Gmail shows itself over IMAP, so that the engine's Gmail mapping (docs/gmail.md:
 * {@code GmailPlanner}, each message uploaded once, its other labels as server-side copies or keywords) applies
 * unchanged: the store announces {@code X-GM-EXT-1}, every label of {@code X-Gmail-Labels} is a folder holding its
 * messages ({@code Inbox} INBOX, {@code Sent} {@code [Gmail]/Sent Mail} \Sent, {@code Drafts} \Drafts, {@code Spam}
 * \Junk, {@code Trash} \Trash, {@code Starred} \Flagged, {@code Important} \Important, a user label a folder of its
 * path), {@code [Gmail]/All Mail} (\All) holds every message outside Spam and Trash, and a message's Gmail id is its
 * content id. {@code Opened}/{@code Unread} give {@code \Seen}; {@code Archived} and Gmail's categories
 * ({@code Category ...}) are Gmail's own sorting and make no folder.
 */
final class TakeoutStore extends ReadOnlyMailStore {
    static final String ALL = "[Gmail]/All Mail";
    private final Path file;
    private final FilesStore scanner;
    private Map<String, List<MboxEntry>> byFolder;
    private final Map<String, String> uses = new LinkedHashMap<>();
    private final boolean unquote;

    TakeoutStore(Path file, boolean unquote) {
        super(SourceFolder.READ_ONLY);
        this.file = file;
        this.scanner = new FilesStore(List.of(), unquote);
        this.unquote = unquote;
    }

    private Map<String, List<MboxEntry>> index() throws ConnectorException {
        if (byFolder != null) {
            return byFolder;
        }
        try {
            Map<String, List<MboxEntry>> out = new LinkedHashMap<>();
            out.put("INBOX", new ArrayList<>());
            for (MboxEntry e : scanner.scan(file).entries()) {
                List<String> labels = GmailLabels.parse(e.labels());
                Set<String> flags = new LinkedHashSet<>(e.flags());
                if (labels.contains("Opened") || !labels.contains("Unread")) {
                    flags.add("\\Seen");
                }
                MboxEntry labelled = new MboxEntry(e.id(), e.start(), e.end(), e.size(), e.date(), flags, e.deleted(),
                        e.fingerprint(), e.subject(), e.labels(), e.problem(), e.literal());
                boolean hidden = false;
                for (String label : labels) {
                    String folder = folder(label);
                    hidden |= label.equals("Spam") || label.equals("Trash");
                    if (folder != null) {
                        out.computeIfAbsent(folder, k -> new ArrayList<>()).add(labelled);
                    }
                }
                if (!hidden) {
                    out.computeIfAbsent(ALL, k -> new ArrayList<>()).add(labelled);
                }
            }
            uses.put(ALL, "\\All");
            byFolder = out;
            return out;
        } catch (IOException e) {
            throw new ConnectorException.TransientFailure("reading " + file + ": " + e.getMessage(), e);
        }
    }

    /** The folder of a label, null when the label makes none. */
    private String folder(String label) {
        return switch (label) {
        case "Inbox" -> "INBOX";
        case "Sent" -> use("[Gmail]/Sent Mail", "\\Sent");
        case "Drafts", "Draft" -> use("[Gmail]/Drafts", "\\Drafts");
        case "Spam" -> use("[Gmail]/Spam", "\\Junk");
        case "Trash" -> use("[Gmail]/Trash", "\\Trash");
        case "Starred" -> use("[Gmail]/Starred", "\\Flagged");
        case "Important" -> use("[Gmail]/Important", "\\Important");
        case "Opened", "Unread", "Archived" -> null;
        default -> label.startsWith("Category ") ? null : label;
        };
    }

    private String use(String folder, String attribute) {
        uses.put(folder, attribute);
        return folder;
    }

    @Override
    public List<String> capabilities() {
        return List.of("X-GM-EXT-1");
    }

    @Override
    public List<MailFolder> folders() throws ConnectorException {
        List<MailFolder> out = new ArrayList<>();
        out.add(new MailFolder("[Gmail]", '/', Set.of("\\Noselect"), true));
        for (String name : index().keySet()) {
            String use = uses.get(name);
            out.add(new MailFolder(name, '/', use == null ? Set.of() : Set.of(use), true));
        }
        return out;
    }

    @Override
    public Optional<FolderStatus> status(String folder) throws ConnectorException {
        List<MboxEntry> entries = index().get(folder);
        if (entries == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FolderStatus("takeout-content-v1", null, entries.size(), FilesStore.token(file)));
        } catch (IOException e) {
            throw new ConnectorException.TransientFailure("reading " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Mailbox open(String folder, boolean write) throws ConnectorException {
        FolderStatus status = status(folder).orElseThrow(() -> new ConnectorException.ItemFailure(
                "no label '" + folder + "' in " + file, null));
        try {
            return new MboxFolder(status, file, index().get(folder), unquote, Files.getLastModifiedTime(file).toInstant(),
                    true);
        } catch (IOException e) {
            throw new ConnectorException.TransientFailure("reading " + file + ": " + e.getMessage(), e);
        }
    }
}
