package org.mailmigrator.core.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.core.engine.FolderPlan;
import org.mailmigrator.core.model.GmailOptions;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.Namespace;

/**
 * The folder plan of a Gmail-like source (X-GM-EXT-1), where a folder is a label and one message sits in every
 * folder of its labels and in All Mail. Each decision has its reason, shown by the plan preview: {@code \Inbox} →
 * INBOX; {@code \Sent}, {@code \Drafts}, {@code \Trash}, {@code \Junk} → the destination's folder of that use
 * (Sent, Drafts, Trash, Junk when it has none); All Mail → Archive, which receives only the messages without any
 * other placement; Starred → the {@code \Flagged} flag on every copy, Important → nothing (or the keyword
 * {@code $Important}), neither a folder; each user label → a folder of that path (or a keyword, as an option).
 * A line with an empty destination is a source folder that becomes no folder: it is listed, not selectable, and
 * {@code Run} creates and syncs nothing for it.
 */
final class GmailPlanner {
    static final String ALL = "\\All";
    private final Namespace dstNs;
    private final Map<String, String> dstByUse = new HashMap<>();
    private final Map<String, String> dstByName = new HashMap<>();
    private final GmailOptions options;

    GmailPlanner(Namespace dstNs, List<MailFolder> dstFolders, GmailOptions options) {
        this.dstNs = dstNs;
        this.options = options;
        for (MailFolder f : dstFolders) {
            dstByName.put(f.name().toLowerCase(Locale.ROOT), f.name());
            String leaf = f.name().startsWith(dstNs.prefix()) ? f.name().substring(dstNs.prefix().length()) : f.name();
            if (leaf.indexOf(f.separator()) < 0) {
                SpecialUseNames.of(leaf).ifPresent(u -> dstByUse.putIfAbsent(u, f.name()));
            }
        }
        for (MailFolder f : dstFolders) {
            f.specialUse().ifPresent(u -> dstByUse.put(u, f.name()));
        }
    }

    /** True when the source says it is Gmail-like. */
    static boolean gmailLike(List<String> sourceCapabilities) {
        return sourceCapabilities.stream().anyMatch(c -> c.equalsIgnoreCase("X-GM-EXT-1"));
    }

    /** The plan of {@link FolderMapper} (filters and {@code --map} applied) made Gmail's. */
    List<FolderPlan> adjust(List<FolderPlan> mapped, List<MailFolder> srcFolders, Map<String, String> explicitMap) {
        Map<String, MailFolder> bySource = new HashMap<>();
        srcFolders.forEach(f -> bySource.put(f.name(), f));
        List<FolderPlan> out = new ArrayList<>();
        Map<String, String> taken = new HashMap<>(); // destination -> the source going there
        for (FolderPlan p : mapped) {
            if (p.hasDestination()) {
                taken.put(p.destination(), p.source());
            }
        }
        for (FolderPlan p : mapped) {
            MailFolder f = bySource.get(p.source());
            if (f == null || explicitMap.containsKey(p.source())) {
                out.add(p); // an explicit --map wins over every rule
                continue;
            }
            FolderPlan decided = decide(p, f);
            String other = taken.get(decided.destination());
            if (decided.hasDestination() && other != null && !other.equals(p.source())) {
                // a user label of that name already goes there (a label "Archive" and All Mail): keep apart
                out.add(p.withReason(p.reason() + "; not " + decided.destination() + ", where '" + other + "' goes"));
                continue;
            }
            if (decided.hasDestination()) {
                taken.remove(p.destination());
                taken.put(decided.destination(), p.source());
            }
            out.add(decided);
        }
        // All Mail last: it uploads only what no other folder placed
        List<FolderPlan> ordered = new ArrayList<>(out.stream().filter(p -> !isAllMail(p, bySource)).toList());
        ordered.addAll(out.stream().filter(p -> isAllMail(p, bySource)).toList());
        return ordered;
    }

    private static boolean isAllMail(FolderPlan p, Map<String, MailFolder> bySource) {
        MailFolder f = bySource.get(p.source());
        return f != null && use(f).filter(ALL::equals).isPresent();
    }

    private FolderPlan decide(FolderPlan p, MailFolder f) {
        Optional<String> use = use(f);
        if (f.name().equalsIgnoreCase("INBOX")) {
            return p.withReason("Gmail label \\Inbox -> INBOX");
        }
        if (!f.selectable() && (leaf(f).equals("[Gmail]") || leaf(f).equals("[Google Mail]"))) {
            return none(p, "Gmail's container of its system folders, each placed below (no folder)");
        }
        if (use.isEmpty()) {
            if (options.labelsAsKeywords() && f.selectable()) {
                return none(p, "label kept as the keyword '" + GmailScope.keyword(f.name())
                        + "' on its messages' copies (no folder; option labels as keywords)");
            }
            return p.withReason("Gmail label '" + f.name() + "' -> folder of that path; " + p.reason());
        }
        return switch (use.get()) {
        case "\\Sent" -> special(p, "\\Sent", "Sent", "Gmail label \\Sent");
        case "\\Drafts" -> special(p, "\\Drafts", "Drafts", "Gmail label \\Draft");
        case "\\Trash" -> options.skipSpamAndTrash() ? none(p, "Trash left out (option skip Spam and Trash)")
                : special(p, "\\Trash", "Trash", "Gmail's Trash");
        case "\\Junk" -> options.skipSpamAndTrash() ? none(p, "Spam left out (option skip Spam and Trash)")
                : special(p, "\\Junk", "Junk", "Gmail's Spam");
        case ALL -> special(p, "\\Archive", "Archive", "All Mail: only the messages with no other label go here,"
                + " every other message is placed by its labels;");
        case "\\Flagged" -> none(p, "Starred becomes the \\Flagged flag on every copy of its messages (no folder)");
        case "\\Important" -> none(p, options.importantKeyword()
                ? "Important becomes the keyword $Important on every copy of its messages (no folder)"
                : "Important is Gmail's own sorting: no folder, nothing copied from it");
        default -> p;
        };
    }

    private FolderPlan special(FolderPlan p, String use, String defaultName, String why) {
        String existing = dstByUse.get(use);
        if (existing == null) {
            existing = dstByName.get((dstNs.prefix() + defaultName).toLowerCase(Locale.ROOT));
        }
        String target = existing != null ? existing : dstNs.prefix() + defaultName;
        String reason = why + " -> " + (existing != null ? "the destination's " + use + " folder " + target
                : target + " (the destination has no " + use + " folder)");
        return new FolderPlan(p.source(), target, reason, p.selectable(), p.subscribed(), existing == null, 0, 0);
    }

    private static FolderPlan none(FolderPlan p, String reason) {
        return new FolderPlan(p.source(), "", reason, false, false, false, 0, 0);
    }

    static Optional<String> use(MailFolder f) {
        return f.attributes().stream().map(a -> a.toLowerCase(Locale.ROOT)).map(a -> switch (a) {
        case "\\all" -> ALL;
        case "\\sent" -> "\\Sent";
        case "\\drafts" -> "\\Drafts";
        case "\\trash" -> "\\Trash";
        case "\\junk" -> "\\Junk";
        case "\\flagged" -> "\\Flagged";
        case "\\important" -> "\\Important";
        default -> "";
        }).filter(u -> !u.isEmpty()).findFirst();
    }

    private static String leaf(MailFolder f) {
        return f.name();
    }
}
