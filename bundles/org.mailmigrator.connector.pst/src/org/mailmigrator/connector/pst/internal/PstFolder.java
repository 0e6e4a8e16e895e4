package org.mailmigrator.connector.pst.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.mailmigrator.core.mail.Fetched;
import org.mailmigrator.core.mail.Fingerprint;
import org.mailmigrator.core.mail.FolderStatus;
import org.mailmigrator.core.mail.MessageBody;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.mail.MessageReader;
import org.mailmigrator.core.mail.ReadOnlyMailbox;
import org.mailmigrator.core.mail.Unread;
import org.mailmigrator.core.spi.ConnectorException;

import com.pff.PSTFolder;
import com.pff.PSTMessage;
import com.pff.PSTObject;

/**
 * One mail folder of a PST, read only. The listing is the folder's node ids (nothing else is read); flags,
 * dates and bodies come one message at a time, rebuilt as MIME into memory for that message only, so memory
 * follows the largest message, not the file. An item that is not mail (a contact or appointment filed in a mail
 * folder) or that cannot be read is told to the reader as not fetched, naming the file, folder and item.
 */
final class PstFolder extends ReadOnlyMailbox {
    private final PstStore store;
    private final PstTree.Node node;
    private final FolderStatus status;

    PstFolder(PstStore store, PstTree.Node node, FolderStatus status) {
        super(PstStore.READ_ONLY);
        this.store = store;
        this.node = node;
        this.status = status;
    }

    @Override
    public FolderStatus status() {
        return status;
    }

    @Override
    public List<MessageInfo> list(String changedSince) throws ConnectorException {
        synchronized (store.file()) {
            try {
                PSTFolder folder = (PSTFolder) PSTObject.detectAndLoadPSTObject(store.file(), node.nid());
                List<MessageInfo> out = new ArrayList<>();
                for (Integer nid : folder.getChildDescriptorNodes()) {
                    out.add(new MessageInfo(String.valueOf(nid), -1, null, flagsOf(nid), null, null, null));
                }
                return out;
            } catch (Exception e) {
                throw new ConnectorException.TransientFailure("reading folder '" + node.name() + "' of " + store.path()
                        + ": " + e.getMessage(), e);
            }
        }
    }

    private Set<String> flagsOf(long nid) {
        try {
            return PSTObject.detectAndLoadPSTObject(store.file(), nid) instanceof PSTMessage m ? flags(m) : Set.of();
        } catch (Exception e) {
            return Set.of(); // told as a skip when it is read
        }
    }

    @Override
    public List<MessageInfo> listSince(String position) throws ConnectorException {
        return list(null);
    }

    @Override
    public List<MessageInfo> details(List<String> ids) throws ConnectorException {
        List<MessageInfo> out = new ArrayList<>();
        for (String id : ids) {
            Rendered r = render(id);
            out.add(r.info());
        }
        return out;
    }

    @Override
    public long totalBytes() throws ConnectorException {
        long total = 0;
        synchronized (store.file()) {
            for (MessageInfo m : list(null)) {
                try {
                    if (PSTObject.detectAndLoadPSTObject(store.file(), Long.parseLong(m.id())) instanceof PSTMessage p) {
                        total += Math.max(0, p.getMessageSize());
                    }
                } catch (Exception e) {
                    // counted as a skip when read
                }
            }
        }
        return total;
    }

    @Override
    public void read(List<MessageInfo> messages, MessageReader reader) throws ConnectorException {
        for (MessageInfo m : messages) {
            Rendered r = render(m.id());
            if (r.problem() != null) {
                reader.unread(Unread.notFetched(m, r.problem()));
            } else {
                reader.accept(List.of(new Fetched(m, MessageBody.of(r.bytes()))));
            }
        }
    }

    /** A message rebuilt: its info and bytes, or why it cannot be copied. */
    private record Rendered(MessageInfo info, byte[] bytes, String problem) {
    }

    private Rendered render(String id) {
        String where = store.path() + ", folder '" + node.name() + "', item " + id;
        synchronized (store.file()) {
            try {
                PSTObject o = PSTObject.detectAndLoadPSTObject(store.file(), Long.parseLong(id));
                if (!(o instanceof PSTMessage m) || !mail(m.getMessageClass())) {
                    String cls = o == null ? "unknown" : o.getMessageClass();
                    return new Rendered(new MessageInfo(id, 0, null, Set.of(), null, null, null), null,
                            where + " is not mail (" + cls + "): contacts, appointments, tasks and notes of a PST are not migrated yet");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                new MimeBuilder(Long.parseLong(id)).write(m, out);
                byte[] bytes = out.toByteArray();
                int header = headerLength(bytes);
                Date when = m.getMessageDeliveryTime() != null ? m.getMessageDeliveryTime()
                        : m.getClientSubmitTime() != null ? m.getClientSubmitTime() : m.getCreationTime();
                MessageInfo info = new MessageInfo(id, bytes.length, when == null ? null : when.toInstant(), flags(m), null,
                        Fingerprint.of(bytes, 0, header, bytes.length), m.getSubject());
                return new Rendered(info, bytes, null);
            } catch (Exception | StackOverflowError e) {
                return new Rendered(new MessageInfo(id, 0, null, Set.of(), null, null, null), null,
                        where + " cannot be read (the file may be damaged there): " + e);
            }
        }
    }

    static Set<String> flags(PSTMessage m) {
        Set<String> f = new HashSet<>();
        if (m.isRead()) {
            f.add("\\Seen");
        }
        if (m.isFlagged()) {
            f.add("\\Flagged");
        }
        if (m.hasReplied()) {
            f.add("\\Answered");
        }
        if (m.isUnsent() && !m.isSubmitted()) {
            f.add("\\Draft");
        }
        return f;
    }

    /** Message classes that are mail: notes, posts, meeting messages, reports; not contacts, appointments, tasks. */
    static boolean mail(String messageClass) {
        if (messageClass == null || messageClass.isBlank()) {
            return true;
        }
        String c = messageClass.toUpperCase(Locale.ROOT);
        return c.equals("IPM") || c.startsWith("IPM.NOTE") || c.startsWith("IPM.POST") || c.startsWith("IPM.SCHEDULE.")
                || c.startsWith("REPORT.") || c.startsWith("IPM.OUTLOOK.RECALL") || c.startsWith("IPM.RECALL")
                || c.startsWith("IPM.SHARING");
    }

    private static int headerLength(byte[] b) {
        for (int i = 0; i + 3 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i + 4;
            }
        }
        return b.length;
    }
}
