package org.mailmigrator.connector.files.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mailmigrator.core.mail.Fetched;
import org.mailmigrator.core.mail.FolderStatus;
import org.mailmigrator.core.mail.MessageBody;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.mail.MessageReader;
import org.mailmigrator.core.mail.ReadOnlyMailbox;
import org.mailmigrator.core.mail.Unread;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * A folder of mail files, read only. A message that cannot be copied (truncated, not a message, deleted in
 * Thunderbird) is listed and then told to the reader as not fetched with its reason: the engine lists it as a
 * skipped item naming the file and offset, and the other messages go on.
 */
abstract class SourceFolder extends ReadOnlyMailbox {
    static final String READ_ONLY = "mail files are read only: they can only be a source";

    private final FolderStatus status;

    SourceFolder(FolderStatus status) {
        super(READ_ONLY);
        this.status = status;
    }

    /** The light listing: ids and flags. */
    abstract List<MessageInfo> listing() throws ConnectorException;

    /** Size, date, fingerprint, subject and flags of one message; empty when it is gone. */
    abstract Optional<MessageInfo> detail(String id) throws ConnectorException;

    /** Why the message cannot be copied, or empty. */
    abstract Optional<String> problem(MessageInfo m) throws ConnectorException;

    /** The message's bytes; empty when it is gone. */
    abstract Optional<MessageBody> body(MessageInfo m) throws ConnectorException;

    @Override
    public FolderStatus status() {
        return status;
    }

    @Override
    public List<MessageInfo> list(String changedSince) throws ConnectorException {
        return listing();
    }

    @Override
    public List<MessageInfo> listSince(String position) throws ConnectorException {
        return listing();
    }

    @Override
    public List<MessageInfo> details(List<String> ids) throws ConnectorException {
        List<MessageInfo> out = new ArrayList<>();
        for (String id : ids) {
            detail(id).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public long totalBytes() throws ConnectorException {
        long total = 0;
        for (MessageInfo m : details(listing().stream().map(MessageInfo::id).toList())) {
            total += Math.max(0, m.size());
        }
        return total;
    }

    @Override
    public void read(List<MessageInfo> messages, MessageReader reader) throws ConnectorException {
        for (MessageInfo m : messages) {
            Optional<String> problem = problem(m);
            if (problem.isPresent()) {
                reader.unread(Unread.notFetched(m, problem.get()));
                continue;
            }
            Optional<MessageBody> body = body(m);
            if (body.isEmpty()) {
                reader.unread(Unread.expunged(m));
                continue;
            }
            reader.accept(List.of(new Fetched(m, body.get())));
        }
    }
}
