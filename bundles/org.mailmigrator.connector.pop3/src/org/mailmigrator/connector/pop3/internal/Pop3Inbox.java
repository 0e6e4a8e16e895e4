package org.mailmigrator.connector.pop3.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.angus.mail.pop3.POP3Folder;
import org.eclipse.angus.mail.pop3.POP3Message;
import org.mailmigrator.core.mail.Fetched;
import org.mailmigrator.core.mail.Fingerprint;
import org.mailmigrator.core.mail.FolderStatus;
import org.mailmigrator.core.mail.MessageBody;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.mail.MessageReader;
import org.mailmigrator.core.mail.ReadOnlyMailbox;
import org.mailmigrator.core.mail.Unread;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;

import jakarta.mail.FetchProfile;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;

/**
 * The maildrop of a POP3 session as the folder INBOX, read only. A message's id is its UIDL (a server that gives two
 * messages one UIDL gets the second one suffixed {@code #2}, and so on, so that neither is lost); its size the
 * LIST size; its header comes from {@code TOP n 0}, its bytes from {@code RETR}, unchanged. No flags: POP3 has none.
 * Message numbers are valid for the session only, so ids are mapped to them again at each listing.
 */
final class Pop3Inbox extends ReadOnlyMailbox {
    static final String SOURCE_ONLY = "POP3 is a source only: nothing can be written to it";

    private final POP3Folder folder;
    private final FolderStatus status;
    private final String who;
    private final Map<String, Integer> numbers = new HashMap<>();
    private int[] sizes;

    Pop3Inbox(POP3Folder folder, FolderStatus status, String who) {
        super(SOURCE_ONLY);
        this.folder = folder;
        this.status = status;
        this.who = who;
    }

    @Override
    public FolderStatus status() {
        return status;
    }

    @Override
    public List<MessageInfo> list(String changedSince) throws ConnectorException {
        return listSince(null);
    }

    /** UIDL for all messages in one command. */
    @Override
    public List<MessageInfo> listSince(String position) throws ConnectorException {
        try {
            Message[] all = folder.getMessages();
            FetchProfile uidl = new FetchProfile();
            uidl.add(UIDFolder.FetchProfileItem.UID);
            folder.fetch(all, uidl);
            numbers.clear();
            List<MessageInfo> out = new ArrayList<>(all.length);
            for (Message m : all) {
                String uid = folder.getUID(m);
                if (uid == null) {
                    throw new ConnectorException.AccountFailure(who + ": the server gives no UIDL for message "
                            + m.getMessageNumber() + "; without UIDL a POP3 mailbox cannot be copied incrementally",
                            Reason.CONFIGURATION, null);
                }
                String id = uid;
                for (int n = 2; numbers.containsKey(id); n++) {
                    id = uid + "#" + n;
                }
                numbers.put(id, m.getMessageNumber());
                out.add(new MessageInfo(id, -1, null, Set.of(), null, null, null));
            }
            return out;
        } catch (MessagingException e) {
            throw Pop3Failures.lost("UIDL on " + who, e);
        }
    }

    private int number(String id) throws ConnectorException {
        if (numbers.isEmpty()) {
            listSince(null);
        }
        Integer n = numbers.get(id);
        return n == null ? -1 : n;
    }

    private int size(int number) throws ConnectorException {
        try {
            if (sizes == null) {
                sizes = folder.getSizes(); // LIST, one command
            }
            return number >= 1 && number <= sizes.length ? sizes[number - 1] : -1;
        } catch (MessagingException e) {
            throw Pop3Failures.lost("LIST on " + who, e);
        }
    }

    /**
     * Size, arrival date (ArrivalDate), fingerprint and subject from {@code TOP n 0}. A message whose header the
     * server does not give comes without a fingerprint: the engine lists it as skipped and tries it on the next run.
     * An id this session does not know (listed by another session) is left out.
     */
    @Override
    public List<MessageInfo> details(List<String> ids) throws ConnectorException {
        List<MessageInfo> out = new ArrayList<>();
        Instant now = Instant.now();
        for (String id : ids) {
            int n = number(id);
            if (n < 0) {
                continue;
            }
            int size = size(n);
            byte[] header;
            try (InputStream in = ((POP3Message) folder.getMessage(n)).top(0)) { // null: the server said -ERR
                header = in == null ? null : in.readAllBytes();
            } catch (MessagingException | IOException e) {
                if (!folder.isOpen()) {
                    throw Pop3Failures.lost("TOP on " + who, e);
                }
                header = null;
            }
            if (header == null) {
                out.add(new MessageInfo(id, size, null, Set.of(), null, null, null));
                continue;
            }
            ArrivalDate arrival = ArrivalDate.of(header, now);
            out.add(new MessageInfo(id, size, arrival.date(), Set.of(), null,
                    Fingerprint.of(header, 0, header.length, size), arrival.subject()));
        }
        return out;
    }

    @Override
    public long totalBytes() throws ConnectorException {
        try {
            return folder.getSize(); // STAT
        } catch (MessagingException e) {
            throw Pop3Failures.lost("STAT on " + who, e);
        }
    }

    /**
     * One {@code RETR} per message, handed over as received. A message the server refuses to send is told to the
     * reader as not fetched (a listed skip, tried again on the next run), never as expunged: POP3 cannot prove that.
     */
    @Override
    public void read(List<MessageInfo> messages, MessageReader reader) throws ConnectorException {
        for (MessageInfo m : messages) {
            int n = number(m.id());
            if (n < 0) {
                reader.unread(Unread.notFetched(m, "not in this POP3 session's listing; tried again on the next run"));
                continue;
            }
            byte[] bytes;
            try {
                POP3Message message = (POP3Message) folder.getMessage(n);
                try (InputStream in = message.getMimeStream()) {
                    if (in == null) {
                        throw new MessagingException("no message text");
                    }
                    bytes = in.readAllBytes();
                }
                message.invalidate(true); // Angus keeps a RETR in memory: let it go
            } catch (MessagingException | IOException e) {
                if (!folder.isOpen()) {
                    throw Pop3Failures.lost("RETR on " + who, e);
                }
                reader.unread(Unread.notFetched(m, "the POP3 server did not send it (" + Pop3Failures.root(e)
                        + "); it will be tried again on the next run"));
                continue;
            }
            reader.accept(List.of(new Fetched(m, MessageBody.of(bytes))));
        }
    }

    @Override
    public void close() {
        // the maildrop stays open until the session ends (POP3 has one folder per connection)
    }
}
