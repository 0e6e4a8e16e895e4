package org.mailmigrator.core.internal.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mailmigrator.core.engine.FolderPlan;
import org.mailmigrator.core.model.GmailOptions;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.state.CopiedMessage;

/**
 * Which folder uploads each Gmail message, and the flags every copy carries. A message's <em>placements</em> are
 * the source folders of the plan that hold it and have a destination folder, All Mail excepted; a message with
 * none is placed by All Mail (into Archive). It is uploaded once, by its first placement in plan order (its
 * <em>home</em>), unless an earlier run already put it on the destination; every other placement is then made by
 * {@link GmailPlacements} with a copy on the destination server. When the destination cannot copy, each placement
 * uploads its own copy. A message that reached the source after the index was read is copied where it is found.
 * Shared by the folder workers: read-only after it is built.
 */
final class GmailScope {
    private final GmailIndex index;
    private final Map<String, FolderPlan> plans = new HashMap<>();
    private final Map<String, String> uses = new HashMap<>();
    private final Map<String, Integer> order = new HashMap<>();
    /** Source folder -> the flag it gives every copy instead of a folder (Starred, Important, labels as keywords). */
    private final Map<String, String> flagOf = new HashMap<>();
    private final Set<String> onDestination;
    private final GmailOptions options;
    private final boolean serverCopy;
    private GmailChanges changes = GmailChanges.NONE;

    GmailScope(GmailIndex index, List<FolderPlan> plan, List<MailFolder> sourceFolders, GmailOptions options,
            Set<String> onDestination, boolean serverCopy) {
        this.index = index;
        this.options = options;
        this.onDestination = Set.copyOf(onDestination);
        this.serverCopy = serverCopy;
        for (FolderPlan p : plan) {
            plans.put(p.source(), p);
            order.put(p.source(), order.size());
        }
        for (MailFolder f : sourceFolders) {
            GmailPlanner.use(f).ifPresent(u -> uses.put(f.name(), u));
        }
        for (FolderPlan p : plan) {
            String use = uses.get(p.source());
            if ("\\Flagged".equals(use)) {
                flagOf.put(p.source(), "\\Flagged");
            } else if ("\\Important".equals(use) && options.importantKeyword()) {
                flagOf.put(p.source(), "$Important");
            } else if (use == null && options.labelsAsKeywords() && !p.hasDestination()
                    && !p.source().equalsIgnoreCase("INBOX")) {
                flagOf.put(p.source(), keyword(p.source()));
            }
        }
    }

    /**
     * Whether the mapping decides the flag and every folder giving it was read whole this run: only then may a copy
     * lose it (a Starred, Important or label folder the server would not list says nothing about its messages).
     */
    boolean decides(String flag) {
        boolean given = false;
        for (var e : flagOf.entrySet()) {
            if (e.getValue().equals(flag)) {
                given = true;
                if (!index.listed(e.getKey())) {
                    return false;
                }
            }
        }
        return given;
    }

    /** Whether the source folder is Gmail's All Mail. */
    boolean allMail(String folder) {
        return GmailPlanner.ALL.equals(uses.get(folder));
    }

    /** What changed on the source since the last run, found before the scope is shared ({@link GmailRun}). */
    void changes(GmailChanges found) {
        this.changes = found;
    }

    GmailChanges changes() {
        return changes;
    }

    /**
     * Whether the folder must be listed whole although it may look unchanged: a copy's Gmail flags (Starred, the
     * keywords of the options) changed in another folder (a star added or removed shows in Starred only).
     */
    boolean relist(String folder) {
        return changes.relist().contains(folder);
    }

    GmailIndex index() {
        return index;
    }

    boolean serverCopy() {
        return serverCopy;
    }

    FolderPlan plan(String source) {
        return plans.get(source);
    }

    /** The source folders that must place the message on the destination, in plan order. */
    List<GmailIndex.Place> placements(String gmailId) {
        List<GmailIndex.Place> out = new ArrayList<>();
        GmailIndex.Place allMail = null;
        for (GmailIndex.Place p : index.places(gmailId)) {
            FolderPlan fp = plans.get(p.folder());
            if (fp == null || !fp.hasDestination() || !fp.selectable()) {
                continue;
            }
            if (GmailPlanner.ALL.equals(uses.get(p.folder()))) {
                allMail = p;
            } else {
                out.add(p);
            }
        }
        if (out.isEmpty() && allMail != null) {
            out.add(allMail);
        }
        out.sort(java.util.Comparator.comparing(p -> order.get(p.folder())));
        return out;
    }

    /** True when the folder's copy of the message is to be uploaded by the folder's own sync. */
    boolean uploadsHere(String folder, String id) {
        String gmailId = index.gmailId(folder, id);
        if (gmailId == null) {
            return true;
        }
        List<GmailIndex.Place> places = placements(gmailId);
        if (places.stream().noneMatch(p -> p.folder().equals(folder))) {
            return false;
        }
        if (!serverCopy) {
            return true;
        }
        return !onDestination.contains(gmailId) && !changes.adopted().containsKey(gmailId)
                && places.get(0).folder().equals(folder);
    }

    /**
     * The light listing of a folder reduced to what its sync handles: its copies already recorded, those a crash
     * left in the journal (for recovery), and the ones it uploads; flags completed as every copy must carry them.
     */
    List<MessageInfo> restrict(String folder, List<MessageInfo> listed, Map<String, CopiedMessage> copied,
            Collection<String> journal) {
        Set<String> inJournal = new HashSet<>(journal);
        List<MessageInfo> out = new ArrayList<>();
        for (MessageInfo m : listed) {
            if (copied.containsKey(m.id()) || inJournal.contains(m.id()) || uploadsHere(folder, m.id())) {
                out.add(withFlags(folder, m, copied.get(m.id())));
            }
        }
        return out;
    }

    /** The messages a folder uploads, of those not yet on the destination after recovery, with their flags. */
    List<MessageInfo> uploads(String folder, List<MessageInfo> fresh) {
        List<MessageInfo> out = new ArrayList<>();
        for (MessageInfo m : fresh) {
            if (uploadsHere(folder, m.id())) {
                out.add(withFlags(folder, m, null));
            }
        }
        return out;
    }

    /**
     * The source's flags with those the mapping gives; a flag the mapping gives but could not decide this run (its
     * folder not listed) stays as the copy has it.
     */
    private MessageInfo withFlags(String folder, MessageInfo m, CopiedMessage copy) {
        String gmailId = index.gmailId(folder, m.id());
        Set<String> extra = new LinkedHashSet<>(gmailId == null ? Set.of() : extraFlags(gmailId));
        if (copy != null) {
            copy.flags().stream().filter(f -> flagOf.containsValue(f) && !decides(f)).forEach(extra::add);
        }
        if (m.flags().containsAll(extra)) {
            return m;
        }
        Set<String> flags = new LinkedHashSet<>(m.flags());
        flags.addAll(extra);
        return new MessageInfo(m.id(), m.size(), m.internalDate(), flags, m.changeToken(), m.fingerprint(), m.subject());
    }

    /** {@code \Flagged} when the message is Starred; {@code $Important} and label keywords as the options say. */
    Set<String> extraFlags(String gmailId) {
        Set<String> extra = new LinkedHashSet<>();
        for (GmailIndex.Place p : index.places(gmailId)) {
            String flag = flagOf.get(p.folder());
            if (flag != null) {
                extra.add(flag);
            }
        }
        return extra;
    }

    /**
     * A label as an IMAP keyword: an atom, so characters an atom cannot hold (space, parentheses, quotes,
     * {@code %*]\{}, controls, non-ASCII) become {@code _}.
     */
    static String keyword(String label) {
        StringBuilder sb = new StringBuilder();
        for (char c : label.toCharArray()) {
            sb.append(c <= ' ' || c >= 0x7f || "(){%*\"\\]".indexOf(c) >= 0 ? '_' : c);
        }
        return sb.toString();
    }
}
