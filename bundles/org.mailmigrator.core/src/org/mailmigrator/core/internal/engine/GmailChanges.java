package org.mailmigrator.core.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mailmigrator.core.state.CopiedMessage;

/**
 * What changed on a Gmail-like source since the last run that the folders' own change marks do not show, found from
 * the copy records the earlier runs left and the message index of this run (docs/gmail.md, "Reruns"):
 * <ul>
 * <li>{@code relist}: folders holding a copy whose Gmail flags no longer match (a star added or removed shows in
 * Starred only, an Important or a label keyword of the options in its folder only): listed whole this run, so the
 * flags of every copy follow;</li>
 * <li>{@code unlabelled}: copies of messages whose label was removed: recorded in a folder whose listing (read
 * whole) no longer holds them, while the same message, with the same content, is still under another label or in
 * All Mail. Proven only when the copy's content fingerprint belongs to exactly one Gmail message still listed
 * where its own copy was recorded, and that message is not in the folder any more; a folder not listed, a copy
 * without fingerprint or a message deleted altogether is never taken for a removed label.</li>
 * </ul>
 */
record GmailChanges(Set<String> relist, Map<String, List<CopiedMessage>> unlabelled) {
    static final GmailChanges NONE = new GmailChanges(Set.of(), Map.of());

    /** @param earlier the copy records of each planned source folder before this run's syncs */
    static GmailChanges since(GmailScope scope, Map<String, Map<String, CopiedMessage>> earlier) {
        GmailIndex index = scope.index();
        Map<String, Set<String>> owners = new HashMap<>(); // fingerprint -> Gmail messages whose copies have it
        earlier.forEach((folder, byId) -> byId.values().forEach(c -> {
            String gmailId = index.gmailId(folder, c.srcId());
            if (gmailId != null && c.fingerprint() != null) {
                owners.computeIfAbsent(c.fingerprint(), k -> new HashSet<>()).add(gmailId);
            }
        }));
        Set<String> relist = new HashSet<>();
        Map<String, List<CopiedMessage>> unlabelled = new HashMap<>();
        earlier.forEach((folder, byId) -> {
            for (CopiedMessage c : byId.values()) {
                String gmailId = index.gmailId(folder, c.srcId());
                if (gmailId != null) {
                    Set<String> wanted = scope.extraFlags(gmailId);
                    if (!c.flags().containsAll(wanted) || c.flags().contains("\\Flagged") && !wanted.contains("\\Flagged")) {
                        relist.add(folder);
                    }
                } else if (index.listed(folder) && c.dstId() != null && c.fingerprint() != null
                        && stillElsewhere(index, folder, owners.getOrDefault(c.fingerprint(), Set.of()))) {
                    unlabelled.computeIfAbsent(folder, k -> new ArrayList<>()).add(c);
                }
            }
        });
        return new GmailChanges(Set.copyOf(relist), Map.copyOf(unlabelled));
    }

    /** Exactly one Gmail message has the content, it is still on the source, and not in {@code folder}. */
    private static boolean stillElsewhere(GmailIndex index, String folder, Set<String> owners) {
        if (owners.size() != 1) {
            return false;
        }
        List<GmailIndex.Place> places = index.places(owners.iterator().next());
        return !places.isEmpty() && places.stream().noneMatch(p -> p.folder().equals(folder));
    }
}
