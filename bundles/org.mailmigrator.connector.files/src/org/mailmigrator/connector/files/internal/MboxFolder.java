package org.mailmigrator.connector.files.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.core.mail.FolderStatus;
import org.mailmigrator.core.mail.MessageBody;
import org.mailmigrator.core.mail.MessageInfo;

/**
 * One mbox file as a folder (or, for Google Takeout, the messages of one label): the entries of one scan, the
 * bytes read from the file when asked. A message Thunderbird marked deleted but did not compact away is skipped
 * with that reason.
 */
final class MboxFolder extends SourceFolder {
    static final String DELETED = "marked deleted in Thunderbird (X-Mozilla-Status 0x0008) but not compacted away: not copied";
    private final Path file;
    private final boolean unquote;
    private final Instant fallbackDate;
    private final Map<String, MboxEntry> entries = new LinkedHashMap<>();
    private final boolean gmail;

    /** {@code gmail}: a Google Takeout label, whose messages' Gmail ids are their content ids. */
    MboxFolder(FolderStatus status, Path file, List<MboxEntry> scanned, boolean unquote, Instant fallbackDate,
            boolean gmail) {
        super(status);
        this.gmail = gmail;
        this.file = file;
        this.unquote = unquote;
        this.fallbackDate = fallbackDate;
        scanned.forEach(e -> entries.put(e.id(), e));
    }

    @Override
    public Optional<Map<String, String>> gmailMessageIds() {
        if (!gmail) {
            return Optional.empty();
        }
        Map<String, String> ids = new LinkedHashMap<>();
        entries.keySet().forEach(id -> ids.put(id, id));
        return Optional.of(ids);
    }

    @Override
    List<MessageInfo> listing() {
        return entries.values().stream().map(e -> new MessageInfo(e.id(), -1, null, e.flags(), null, null, null)).toList();
    }

    @Override
    Optional<MessageInfo> detail(String id) {
        MboxEntry e = entries.get(id);
        return e == null ? Optional.empty()
                : Optional.of(new MessageInfo(id, e.size(), e.date() != null ? e.date() : fallbackDate, e.flags(), null,
                        e.fingerprint(), e.subject()));
    }

    @Override
    Optional<String> problem(MessageInfo m) {
        MboxEntry e = entries.get(m.id());
        if (e == null) {
            return Optional.empty();
        }
        if (e.problem() != null) {
            return Optional.of(file + ": " + e.problem());
        }
        return e.deleted() ? Optional.of(file + " offset " + e.start() + ": " + DELETED) : Optional.empty();
    }

    @Override
    Optional<MessageBody> body(MessageInfo m) {
        MboxEntry e = entries.get(m.id());
        return e == null ? Optional.empty() : Optional.of(new FileBody(file, e.start(), e.end(), e.size(), unquote && !e.literal()));
    }
}
