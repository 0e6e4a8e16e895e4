package org.mailmigrator.core.internal.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.mailmigrator.core.engine.FolderPlan;
import org.mailmigrator.core.model.GmailOptions;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.CopiedMessage;
import org.mailmigrator.core.state.StateException;
import org.mailmigrator.core.state.StateStore;

/** Sets up a run from a Gmail-like source: its message index, what an earlier run put on the destination. */
final class GmailRun {
    private GmailRun() {
    }

    static GmailScope scope(SessionPair sessions, List<FolderPlan> plan, List<MailFolder> sourceFolders,
            StateStore state, GmailOptions options, MigrationListener listener)
            throws ConnectorException, StateException {
        GmailIndex index = GmailIndex.read(sessions.source(), plan, sourceFolders);
        boolean serverCopy = canCopy(sessions.destination(), plan);
        if (!serverCopy) {
            listener.info("the destination cannot copy messages on the server (IMAP UID COPY with UIDPLUS): each Gmail"
                    + " label's copy of a message is uploaded on its own");
        }
        // a message an earlier run put on the destination is copied from there, never uploaded again
        Set<String> onDestination = new HashSet<>();
        java.util.Map<String, java.util.Map<String, CopiedMessage>> earlier = new java.util.HashMap<>();
        for (FolderPlan p : plan) {
            if (!p.hasDestination() || !p.selectable()) {
                continue;
            }
            earlier.put(p.source(), state.copied(state.folder(p.source(), p.destination()).id()));
            for (CopiedMessage c : earlier.get(p.source()).values()) {
                String gmailId = index.gmailId(p.source(), c.srcId());
                if (gmailId != null && c.dstId() != null) {
                    onDestination.add(gmailId);
                }
            }
        }
        listener.info("Gmail-like source: " + index.messages().size() + " message(s) by X-GM-MSGID, each uploaded once"
                + (serverCopy ? " and copied on the destination server into its other labels' folders" : ""));
        GmailScope scope = new GmailScope(index, plan, sourceFolders, options, onDestination, serverCopy);
        scope.changes(GmailChanges.since(scope, earlier, (folder, ids) -> fingerprints(sessions.source(), folder, ids)));
        return scope;
    }

    private static java.util.Map<String, String> fingerprints(MailStore source, String folder, List<String> ids)
            throws ConnectorException {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        try (Mailbox box = source.open(folder, false)) {
            for (MessageInfo m : box.details(ids)) {
                if (m.fingerprint() != null) {
                    out.put(m.id(), m.fingerprint());
                }
            }
        }
        return out;
    }

    private static boolean canCopy(MailStore destination, List<FolderPlan> plan) throws ConnectorException {
        String any = plan.stream().filter(p -> p.hasDestination() && p.selectable()).map(FolderPlan::destination)
                .findFirst().orElse(null);
        if (any == null) {
            return false;
        }
        try (Mailbox box = destination.open(any, false)) {
            return box.serverCopy().isPresent();
        }
    }
}
