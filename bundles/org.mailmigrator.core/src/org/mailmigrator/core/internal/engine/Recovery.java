package org.mailmigrator.core.internal.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.CopiedMessage;

/**
 * Finds source messages that are already on the destination: destination messages from a UID on that are
 * not in the map are matched to not-yet-copied source messages by fingerprint, one for one (a multiset:
 * two identical source messages need two identical destination messages). Used after a crash (the journal
 * says where to look), after a UIDVALIDITY change (look everywhere), and when the server gave no UID.
 */
final class Recovery {
    private final Mailbox destination;
    private final Set<Long> ours;

    Recovery(Mailbox destination, Map<Long, CopiedMessage> copied) {
        this.destination = destination;
        this.ours = FolderSync.destinationUids(copied);
    }

    List<CopiedMessage> match(long fromUid, List<MessageInfo> candidates) throws ConnectorException {
        List<Long> unknown = new ArrayList<>();
        for (MessageInfo m : destination.list(fromUid, 0)) {
            if (!ours.contains(m.uid())) {
                unknown.add(m.uid());
            }
        }
        if (unknown.isEmpty()) {
            return List.of();
        }
        Map<String, Queue<MessageInfo>> byFingerprint = new HashMap<>();
        candidates.stream().sorted(Comparator.comparingLong(MessageInfo::uid))
                .forEach(m -> byFingerprint.computeIfAbsent(m.fingerprint(), k -> new ArrayDeque<>()).add(m));
        List<MessageInfo> onDestination = new ArrayList<>(destination.details(unknown));
        onDestination.sort(Comparator.comparingLong(MessageInfo::uid));
        List<CopiedMessage> found = new ArrayList<>();
        for (MessageInfo d : onDestination) {
            Queue<MessageInfo> queue = byFingerprint.get(d.fingerprint());
            MessageInfo s = queue == null ? null : queue.poll();
            if (s != null) {
                found.add(new CopiedMessage(s.uid(), d.uid(), d.fingerprint(), d.copyableFlags()));
                ours.add(d.uid());
            }
        }
        return found;
    }
}
