package org.mailmigrator.connector.imap.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.BadCommandException;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.ResyncData;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.MODSEQ;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.Status;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.eclipse.angus.mail.imap.protocol.UIDSet;
import org.mailmigrator.core.mail.AppendResult;
import org.mailmigrator.core.mail.FolderStatus;
import org.mailmigrator.core.mail.Outgoing;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MessageBody;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.mail.MessageReader;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.LimitAnswers;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;

/**
 * A selected IMAP folder. Listing and fetching are UID commands over many messages at once (one round trip
 * per batch, not per message); writing is one APPEND per message with a streamed, known-size literal.
 * Closed without expunging: the destination may hold {@code \Deleted} messages copied on purpose.
 * <p>
 * The engine's opaque identity maps onto IMAP's numbers here and only here: a message id is its UID in decimal,
 * the epoch UIDVALIDITY, the change token (HIGHESTMODSEQ / MODSEQ) a mod-sequence and the position UIDNEXT
 * ({@link UidSets#uid}, {@link UidSets#text}); numeric order (UID ranges, {@code n:*}, CHANGEDSINCE) stays inside.
 */
final class ImapMailbox implements Mailbox {
    private final ImapSession session;
    private final IMAPFolder folder;
    private final FolderStatus status;

    private ImapMailbox(ImapSession session, IMAPFolder folder, FolderStatus status) {
        this.session = session;
        this.folder = folder;
        this.status = status;
    }

    static ImapMailbox open(ImapSession session, IMAPFolder folder, boolean write) throws ConnectorException {
        try {
            int mode = write ? Folder.READ_WRITE : Folder.READ_ONLY;
            if (session.condstore()) {
                folder.open(mode, ResyncData.CONDSTORE);
            } else {
                folder.open(mode);
            }
            long modseq = session.condstore() ? Math.max(0, folder.getHighestModSeq()) : 0;
            FolderStatus st = new FolderStatus(Long.toString(folder.getUIDValidity()), UidSets.text(folder.getUIDNext()),
                    folder.getMessageCount(), UidSets.text(modseq));
            return new ImapMailbox(session, folder, st);
        } catch (MessagingException e) {
            ConnectorException c = ImapFailures.during("opening folder '" + folder.getFullName() + "'", e);
            // a folder the server refuses to select is skipped and reported; the other folders go on
            throw c instanceof ConnectorException.AccountFailure ? new ConnectorException.ItemFailure(c.getMessage(), e) : c;
        }
    }

    /**
     * Opens the folder again on a new connection after the old one dropped (to resume a big message where
     * it was cut); a changed UIDVALIDITY makes every UID meaningless, so the whole folder is retried then.
     */
    void reopen() throws ConnectorException {
        int mode = folder.isOpen() ? folder.getMode() : Folder.READ_ONLY;
        close();
        try {
            if (session.condstore()) {
                folder.open(mode, ResyncData.CONDSTORE);
            } else {
                folder.open(mode);
            }
            if (!Long.toString(folder.getUIDValidity()).equals(status.epoch())) {
                throw new ConnectorException.TransientFailure("UIDVALIDITY of '" + name() + "' changed", null);
            }
        } catch (MessagingException e) {
            throw ImapFailures.during("opening folder '" + name() + "' again", e);
        }
    }

    /** The session's prefetch thread ({@link BodyFetch}). */
    Prefetcher prefetcher() {
        return session.prefetcher();
    }

    HeldBodies heldBodies() {
        return session.heldBodies();
    }

    String name() {
        return folder.getFullName();
    }

    @Override
    public FolderStatus status() {
        return status;
    }

    /** Runs a command on this folder's connection; NO/BAD answers come back as exceptions to the caller. */
    Response[] run(String what, String command) throws ConnectorException {
        return (Response[]) doCommand(what, p -> {
            Response[] r = p.command(command, null);
            p.handleResult(r[r.length - 1]);
            return r;
        });
    }

    /**
     * Runs a FETCH: a NO answer (Dovecot's {@code [EXPUNGEISSUED]} when some messages are gone) still gives the
     * responses that came; the callers prove what is missing. BAD and a dropped connection are exceptions.
     */
    Response[] fetch(String what, String command) throws ConnectorException {
        return (Response[]) doCommand(what, p -> {
            Response[] r = p.command(command, null);
            Response last = r[r.length - 1];
            // a NO that is a provider's limit answer ([THROTTLED]) is no partial answer: thrown, typed as throttled
            if (!last.isNO() || LimitAnswers.throttled(what, last.getRest(), null).isPresent()) {
                p.handleResult(last);
            }
            return r;
        });
    }

    Object doCommand(String what, IMAPFolder.ProtocolCommand cmd) throws ConnectorException {
        try {
            return folder.doCommand(cmd);
        } catch (MessagingException e) {
            throw ImapFailures.during(what + " in '" + name() + "' of " + session.describe(), e);
        }
    }

    /** UIDNEXT, in decimal: every message appended after it has a UID at least this. */
    @Override
    public String position() throws ConnectorException {
        Status st = (Status) doCommand("STATUS", p -> p.status(name(), new String[] { "UIDNEXT" }));
        return UidSets.text(st.uidnext);
    }

    @Override
    public List<MessageInfo> list(String changedSince) throws ConnectorException {
        return list(1, UidSets.number(changedSince));
    }

    @Override
    public List<MessageInfo> listSince(String position) throws ConnectorException {
        return list(Math.max(1, UidSets.number(position)), 0);
    }

    /** Positions are UIDNEXT values: ordered as numbers, null (unknown) first. */
    @Override
    public int comparePositions(String a, String b) {
        return Long.compare(UidSets.number(a), UidSets.number(b));
    }

    @Override
    public String positionAfter(String position, String id) {
        return UidSets.text(Math.max(UidSets.number(position), UidSets.uid(id) + 1));
    }

    /** {@code UID FETCH fromUid:*}, with CONDSTORE's CHANGEDSINCE when a mod-sequence is given. */
    private List<MessageInfo> list(long fromUid, long changedSince) throws ConnectorException {
        boolean modseq = session.condstore();
        String items = modseq ? "(UID FLAGS MODSEQ)" : "(UID FLAGS)";
        String modifier = changedSince > 0 && modseq ? " (CHANGEDSINCE " + changedSince + ")" : "";
        Response[] rs = run("listing messages", "UID FETCH " + Math.max(1, fromUid) + ":* " + items + modifier);
        return listed(rs, fromUid);
    }

    /**
     * What changed after the mod-sequence {@code changeToken}, removals included, in one command: QRESYNC's
     * {@code UID FETCH 1:* (…) (CHANGEDSINCE n VANISHED)} answers the changed messages and one
     * {@code VANISHED (EARLIER)} set of the UIDs expunged since. Empty where QRESYNC is not enabled on this
     * connection ({@link TolerantProtocol#examine}), without a mod-sequence, or when the server refuses the command
     * (the engine then lists the folder whole).
     */
    @Override
    public Optional<Changes> changesSince(String changeToken) throws ConnectorException {
        long since = UidSets.number(changeToken);
        if (since <= 0 || !Boolean.TRUE.equals(doCommand("ENABLE", p -> p.isEnabled("QRESYNC")))) {
            return Optional.empty();
        }
        Response[] rs = (Response[]) doCommand("listing changes", p -> p.command("UID FETCH 1:* (UID FLAGS MODSEQ) "
                + "(CHANGEDSINCE " + since + " VANISHED)", null));
        if (!rs[rs.length - 1].isOK()) {
            return Optional.empty();
        }
        Set<String> removed = new HashSet<>();
        for (Response r : rs) {
            if (r instanceof IMAPResponse ir && ir.keyEquals("VANISHED")) {
                ir.readAtomStringList(); // (EARLIER)
                for (long uid : UIDSet.toArray(UIDSet.parseUIDSets(ir.readAtom()))) {
                    removed.add(UidSets.id(uid));
                }
            }
        }
        return Optional.of(new Changes(listed(rs, 1), removed));
    }

    /** The light listing in FETCH answers, from {@code fromUid} on. */
    private static List<MessageInfo> listed(Response[] rs, long fromUid) {
        List<MessageInfo> out = new ArrayList<>();
        for (Response r : rs) {
            if (r instanceof FetchResponse f) {
                UID uid = f.getItem(UID.class);
                // "n:*" always includes the last message even when its UID is below n
                if (uid == null || uid.uid < fromUid) {
                    continue;
                }
                MODSEQ ms = f.getItem(MODSEQ.class);
                out.add(new MessageInfo(UidSets.id(uid.uid), -1, null, Flagsets.toStrings(f.getItem(FLAGS.class)),
                        ms == null ? null : UidSets.text(ms.modseq), null, null));
            }
        }
        return out;
    }

    @Override
    public List<MessageInfo> details(List<String> ids) throws ConnectorException {
        return new DetailsFetch(this).fetch(UidSets.uids(ids));
    }

    @Override
    public long totalBytes() throws ConnectorException {
        return sizes().values().stream().mapToLong(Long::longValue).sum();
    }

    /** One {@code UID FETCH 1:* (UID RFC822.SIZE)}. */
    @Override
    public Map<String, Long> sizes() throws ConnectorException {
        Map<String, Long> out = new LinkedHashMap<>();
        if (status.messages() == 0) {
            return out;
        }
        for (Response r : run("sizes", "UID FETCH 1:* (UID RFC822.SIZE)")) {
            if (r instanceof FetchResponse f && f.getItem(UID.class) != null && f.getItem(RFC822SIZE.class) != null) {
                out.put(UidSets.id(f.getItem(UID.class).uid), f.getItem(RFC822SIZE.class).size);
            }
        }
        return out;
    }

    @Override
    public void read(List<MessageInfo> messages, MessageReader reader) throws ConnectorException {
        new BodyFetch(this).read(messages, reader);
    }

    @Override
    public Optional<String> append(MessageBody body, Set<String> flags, Instant internalDate) throws ConnectorException {
        Object result = doCommand("APPEND", p -> {
            try {
                return appendOne(p, body, flags, internalDate);
            } catch (CommandFailedException | BadCommandException e) {
                return e;
            }
        });
        if (result instanceof ProtocolException refused) {
            throw AppendRefusals.of(ServerText.of(refused), refused, session.describe());
        }
        return result instanceof AppendUID a ? Optional.of(UidSets.id(a.uid)) : Optional.empty();
    }

    @Override
    public List<AppendResult> appendAll(List<Outgoing> messages) throws ConnectorException {
        if (messages.size() > 1 && session.multiappend()) {
            Object answer = doCommand("MULTIAPPEND", p -> multiAppend(p, messages));
            if (answer instanceof String ok) {
                List<Long> uids = AppendUids.parse(ok);
                List<AppendResult> results = new ArrayList<>();
                for (int i = 0; i < messages.size(); i++) {
                    results.add(AppendResult.stored(uids.size() == messages.size() ? UidSets.id(uids.get(i)) : null));
                }
                return results;
            }
            // refused as a whole (one message too big?): one by one, to store the others and name the culprit
        }
        List<AppendResult> results = new ArrayList<>();
        String full = null;
        for (Outgoing o : messages) {
            if (full != null) { // the destination said it is full: the rest is not sent (issue 11: one answer, not 870)
                results.add(AppendResult.refused(full + " (not sent: the destination is full)"));
                continue;
            }
            try {
                results.add(AppendResult.stored(append(o.body(), o.flags(), o.internalDate()).orElse(null)));
            } catch (ConnectorException.ItemFailure e) {
                results.add(AppendResult.refused(e.getMessage()));
                if (LimitAnswers.mailboxFull(e.getMessage()) && !LimitAnswers.tooBig(e.getMessage())) {
                    full = e.getMessage();
                }
            }
        }
        return results;
    }

    /** RFC 3502 MULTIAPPEND: all messages in one command and one server transaction; null when refused. */
    private Object multiAppend(IMAPProtocol p, List<Outgoing> messages) throws ProtocolException {
        Argument args = new Argument();
        args.writeString(BASE64MailboxEncoder.encode(name()));
        for (Outgoing o : messages) {
            args.writeAtom(Flagsets.toList(o.flags()));
            if (o.internalDate() != null) {
                args.writeString(INTERNALDATE.format(Date.from(o.internalDate())));
            }
            args.writeBytes(Bodies.literal(o.body()));
        }
        Response[] rs = p.command("APPEND", args);
        Response last = rs[rs.length - 1];
        if (last.isNO() || last.isBAD()) {
            return null;
        }
        p.handleResult(last);
        return last.toString();
    }

    private Object appendOne(IMAPProtocol p, MessageBody body, Set<String> flags, Instant date) throws ProtocolException {
        AppendUID uid = p.appenduid(name(), Flagsets.toFlags(flags), date == null ? null : Date.from(date),
                Bodies.literal(body));
        return uid == null ? Boolean.TRUE : uid;
    }

    @Override
    public void replaceFlags(Map<Set<String>, List<String>> idsByFlags) throws ConnectorException {
        for (var e : idsByFlags.entrySet()) {
            String list = Flagsets.toList(e.getKey());
            for (List<Long> chunk : UidSets.chunks(UidSets.uids(e.getValue()), 2000)) {
                run("storing flags", "UID STORE " + UidSets.format(chunk) + " FLAGS.SILENT " + list);
            }
        }
    }

    @Override
    public void expunge(List<String> ids) throws ConnectorException {
        for (List<Long> chunk : UidSets.chunks(UidSets.uids(ids), 2000)) {
            run("marking deleted", "UID STORE " + UidSets.format(chunk) + " +FLAGS.SILENT (\\Deleted)");
            long[] array = chunk.stream().mapToLong(Long::longValue).toArray();
            doCommand("UID EXPUNGE", p -> {
                p.uidexpunge(UIDSet.createUIDSets(array));
                return null;
            });
        }
    }

    /** Gmail's X-GM-MSGID of every message, when the server announces X-GM-EXT-1. */
    @Override
    public Optional<Map<String, String>> gmailMessageIds() throws ConnectorException {
        return hasCapability("X-GM-EXT-1") ? Optional.of(GmailItems.messageIds(this)) : Optional.empty();
    }

    /** UID COPY, offered where the server tells the copies' UIDs (UIDPLUS). */
    @Override
    public Optional<ServerCopy> serverCopy() {
        return hasCapability("UIDPLUS") ? Optional.of(new ServerCopies(this)) : Optional.empty();
    }

    private boolean hasCapability(String name) {
        try {
            return ((org.eclipse.angus.mail.imap.IMAPStore) folder.getStore()).hasCapability(name);
        } catch (MessagingException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            if (folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException e) {
            // the connection is already gone: nothing to release
        }
    }
}
