package org.mailmigrator.core.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.CopiedMessage;

/**
 * What changed on a Gmail-like source since the last run that the folders' own change marks do not show, found from
 * the copy records the earlier runs left and the message index of this run (docs/gmail.md, "Reruns"):
 * <ul>
 * <li>{@code relist}: folders holding a copy whose Gmail flags no longer match (a star added or removed shows in
 * Starred only, an Important or a label keyword of the options in its folder only): listed whole this run, so the
 * flags of every copy follow. A flag is found removed only when every folder giving it was listed;</li>
 * <li>{@code unlabelled}: copies of messages whose label was removed: recorded in a folder whose listing (read
 * whole) no longer holds them, while the same message, with the same content, is still under another label or in
 * All Mail. Proven only when the copy's content fingerprint belongs to exactly one Gmail message still listed
 * where its own copy was recorded, and that message is not in the folder any more; a folder not listed, a copy
 * without fingerprint or a message deleted altogether is never taken for a removed label;</li>
 * <li>{@code adopted}: a message whose only label was removed (now in All Mail only, not on the destination by
 * its id): its old copy, gone from its label's listing, is the one copy on the destination of that content and
 * the message is the one All Mail message of that content waiting for Archive. It is copied on the destination
 * server into Archive (not uploaded again), then the old copy is removed ({@link GmailPlacements}).</li>
 * </ul>
 */
record GmailChanges(Set<String> relist, Map<String, List<CopiedMessage>> unlabelled, Map<String, Adopted> adopted) {
    static final GmailChanges NONE = new GmailChanges(Set.of(), Map.of(), Map.of());

    /** The copy in {@code folder}'s destination that an All-Mail-only message takes as its uploaded copy. */
    record Adopted(String folder, CopiedMessage copy) {
    }

    /** Content fingerprints of messages of a source folder, by id (one FETCH of their headers). */
    interface Fingerprints {
        Map<String, String> of(String folder, List<String> ids) throws ConnectorException;
    }

    /** @param earlier the copy records of each planned source folder before this run's syncs */
    static GmailChanges since(GmailScope scope, Map<String, Map<String, CopiedMessage>> earlier, Fingerprints source)
            throws ConnectorException {
        GmailIndex index = scope.index();
        Map<String, Set<String>> owners = new HashMap<>(); // fingerprint -> Gmail messages whose copies have it
        Set<String> onDestination = new HashSet<>();
        earlier.forEach((folder, byId) -> byId.values().forEach(c -> {
            String gmailId = index.gmailId(folder, c.srcId());
            if (gmailId != null && c.fingerprint() != null) {
                owners.computeIfAbsent(c.fingerprint(), k -> new HashSet<>()).add(gmailId);
            }
            if (gmailId != null && c.dstId() != null) {
                onDestination.add(gmailId);
            }
        }));
        Set<String> relist = new HashSet<>();
        Map<String, List<CopiedMessage>> unlabelled = new HashMap<>();
        Map<String, List<Adopted>> orphans = new HashMap<>(); // fingerprint -> copies no listed message explains
        earlier.forEach((folder, byId) -> {
            for (CopiedMessage c : byId.values()) {
                String gmailId = index.gmailId(folder, c.srcId());
                if (gmailId != null) {
                    Set<String> wanted = scope.extraFlags(gmailId);
                    if (!c.flags().containsAll(wanted)
                            || c.flags().stream().anyMatch(f -> !wanted.contains(f) && scope.decides(f))) {
                        relist.add(folder);
                    }
                } else if (index.listed(folder) && c.dstId() != null && c.fingerprint() != null) {
                    Set<String> own = owners.getOrDefault(c.fingerprint(), Set.of());
                    if (stillElsewhere(index, folder, own)) {
                        unlabelled.computeIfAbsent(folder, k -> new ArrayList<>()).add(c);
                    } else if (own.isEmpty()) {
                        orphans.computeIfAbsent(c.fingerprint(), k -> new ArrayList<>()).add(new Adopted(folder, c));
                    }
                }
            }
        });
        return new GmailChanges(Set.copyOf(relist), Map.copyOf(unlabelled),
                adopt(scope, onDestination, orphans, source));
    }

    /** Exactly one Gmail message has the content, it is still on the source, and not in {@code folder}. */
    private static boolean stillElsewhere(GmailIndex index, String folder, Set<String> owners) {
        if (owners.size() != 1) {
            return false;
        }
        List<GmailIndex.Place> places = index.places(owners.iterator().next());
        return !places.isEmpty() && places.stream().noneMatch(p -> p.folder().equals(folder));
    }

    /**
     * Pairs each All-Mail-only message not on the destination with the old copy of the same content, when the
     * content belongs to exactly one such message and exactly one such copy (two messages of the same content, or
     * a copy of a message deleted beside one archived, are never paired: the message is then uploaded).
     */
    private static Map<String, Adopted> adopt(GmailScope scope, Set<String> onDestination,
            Map<String, List<Adopted>> orphans, Fingerprints source) throws ConnectorException {
        if (orphans.isEmpty() || !scope.serverCopy()) {
            return Map.of();
        }
        Map<String, Map<String, String>> waiting = new HashMap<>(); // All Mail folder -> id -> X-GM-MSGID
        for (String gmailId : scope.index().messages()) {
            List<GmailIndex.Place> places = scope.placements(gmailId);
            if (!onDestination.contains(gmailId) && places.size() == 1 && scope.allMail(places.get(0).folder())) {
                waiting.computeIfAbsent(places.get(0).folder(), k -> new HashMap<>()).put(places.get(0).id(), gmailId);
            }
        }
        Map<String, List<String>> byContent = new HashMap<>(); // fingerprint -> waiting Gmail messages
        for (var folder : waiting.entrySet()) {
            source.of(folder.getKey(), List.copyOf(folder.getValue().keySet())).forEach((id, fingerprint) -> byContent
                    .computeIfAbsent(fingerprint, k -> new ArrayList<>()).add(folder.getValue().get(id)));
        }
        Map<String, Adopted> out = new HashMap<>();
        orphans.forEach((fingerprint, copies) -> {
            List<String> messages = byContent.getOrDefault(fingerprint, List.of());
            if (copies.size() == 1 && messages.size() == 1) {
                out.put(messages.get(0), copies.get(0));
            }
        });
        return Map.copyOf(out);
    }
}
