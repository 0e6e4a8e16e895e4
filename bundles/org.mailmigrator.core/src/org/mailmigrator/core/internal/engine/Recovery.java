package org.mailmigrator.core.internal.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.function.Function;

import org.mailmigrator.core.mail.Fingerprint;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.CopiedMessage;

/**
 * Finds source messages that are already on the destination: destination messages from a position on that
 * are not in the map are matched to not-yet-copied source messages by fingerprint, one for one (a multiset:
 * two identical source messages need two identical destination messages). Used after a crash (the journal
 * says where to look), after an epoch change (look everywhere), and when the destination gave no id.
 * Exact fingerprints are matched first, then {@link Fingerprint#tolerant} ones (a copy whose 8-bit header
 * bytes the destination rewrote); those pairs are {@link #altered}.
 */
final class Recovery {
    private final Mailbox destination;
    private final Set<String> ours;
    private final List<MessageInfo[]> altered = new ArrayList<>();

    Recovery(Mailbox destination, Map<String, CopiedMessage> copied) {
        this.destination = destination;
        this.ours = FolderSync.destinationIds(copied);
    }

    /** Matches the destination's messages from {@code position} on (all when null) to the candidates. */
    List<CopiedMessage> match(String position, List<MessageInfo> candidates) throws ConnectorException {
        List<String> unknown = new ArrayList<>();
        for (MessageInfo m : destination.listSince(position)) {
            if (!ours.contains(m.id())) {
                unknown.add(m.id());
            }
        }
        if (unknown.isEmpty()) {
            return List.of();
        }
        List<MessageInfo> onDestination = new ArrayList<>(destination.details(unknown));
        List<CopiedMessage> found = new ArrayList<>();
        // exact fingerprints first; then, for what is left, the identity that survives a server's rewrite of
        // 8-bit header bytes (Cyrus), so that a rewritten copy is recognised instead of copied again
        List<MessageInfo> left = matchBy(candidates, onDestination, MessageInfo::fingerprint, found, null);
        Set<String> matched = new java.util.HashSet<>();
        found.forEach(c -> matched.add(c.srcId()));
        List<MessageInfo> leftSources = candidates.stream().filter(m -> !matched.contains(m.id())).toList();
        matchBy(leftSources, left, m -> Fingerprint.tolerant(m.fingerprint()), found, altered);
        return found;
    }

    /** Source/destination pairs matched only by the tolerant identity: the destination altered those. */
    List<MessageInfo[]> altered() {
        return altered;
    }

    /** Matches one for one by key; returns the destination messages left unmatched. */
    private List<MessageInfo> matchBy(List<MessageInfo> candidates, List<MessageInfo> onDestination,
            Function<MessageInfo, String> key, List<CopiedMessage> found, List<MessageInfo[]> pairs) {
        Map<String, Queue<MessageInfo>> byKey = new HashMap<>();
        candidates.forEach(m -> byKey.computeIfAbsent(key.apply(m), k -> new ArrayDeque<>()).add(m));
        List<MessageInfo> left = new ArrayList<>();
        for (MessageInfo d : onDestination) {
            Queue<MessageInfo> queue = byKey.get(key.apply(d));
            MessageInfo s = queue == null ? null : queue.poll();
            if (s == null) {
                left.add(d);
                continue;
            }
            found.add(new CopiedMessage(s.id(), d.id(), d.fingerprint(), d.copyableFlags()));
            ours.add(d.id());
            if (pairs != null) {
                pairs.add(new MessageInfo[] { s, d });
            }
        }
        return left;
    }
}
