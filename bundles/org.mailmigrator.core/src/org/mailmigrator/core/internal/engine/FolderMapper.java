package org.mailmigrator.core.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.mailmigrator.core.engine.FolderPlan;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.Namespace;

/**
 * Decides where each source folder goes, with a reason for every decision: explicit {@code --map} first,
 * then INBOX, then special use (RFC 6154 attributes at any depth, e.g. {@code [Gmail]/Sent Mail}; else usual
 * names of top-level folders or of children of {@code INBOX} / {@code [Gmail]}), then the same path translated
 * from the source's namespace prefix and separator to the destination's. Characters the destination cannot
 * hold in a name are replaced by {@code _}, with the reason: its separator; {@code /} on a server whose
 * separator is {@code .} (Maildir++ and Cyrus refuse it); characters outside the Basic Multilingual Plane
 * (emoji) on a server announcing {@code UTF8=ACCEPT} without {@code UTF8=ONLY} (Courier stores them so that
 * every IMAP4rev1 client's LIST fails, and refuses their modified UTF-7 form).
 */
public final class FolderMapper {
    private final Namespace srcNs;
    private final Namespace dstNs;
    private final Map<String, MailFolder> dstByName = new HashMap<>();
    private final Map<String, String> dstBySpecialUse = new HashMap<>();
    private final boolean dstBmpOnly;

    public FolderMapper(Namespace srcNs, Namespace dstNs, List<MailFolder> dstFolders) {
        this(srcNs, dstNs, dstFolders, List.of());
    }

    /** {@code dstCapabilities}: what the destination announces (UTF8=ACCEPT changes which names it can hold). */
    public FolderMapper(Namespace srcNs, Namespace dstNs, List<MailFolder> dstFolders, List<String> dstCapabilities) {
        this.srcNs = srcNs;
        this.dstNs = dstNs;
        this.dstBmpOnly = dstCapabilities.stream().anyMatch(c -> c.equalsIgnoreCase("UTF8=ACCEPT"))
                && dstCapabilities.stream().noneMatch(c -> c.equalsIgnoreCase("UTF8=ONLY"));
        for (MailFolder f : dstFolders) {
            dstByName.put(f.name(), f);
        }
        // attributes win over names: fill names first, then let attributes overwrite
        for (MailFolder f : dstFolders) {
            usualName(f, dstNs).flatMap(SpecialUseNames::of).ifPresent(u -> dstBySpecialUse.putIfAbsent(u, f.name()));
        }
        for (MailFolder f : dstFolders) {
            f.specialUse().ifPresent(u -> dstBySpecialUse.put(u, f.name()));
        }
    }

    /** The plan for the selected source folders, parents before children. */
    public List<FolderPlan> plan(List<MailFolder> srcFolders, MigrationSettings settings) {
        List<Pattern> include = compile(settings.include(), "--include");
        List<Pattern> exclude = compile(settings.exclude(), "--exclude");
        Map<String, FolderPlan> byDestination = new LinkedHashMap<>();
        Map<String, MailFolder> bySource = new HashMap<>();
        List<MailFolder> sorted = new ArrayList<>(srcFolders);
        sorted.sort(Comparator.comparing(MailFolder::name));
        for (MailFolder f : sorted) {
            if ((!include.isEmpty() && include.stream().noneMatch(p -> p.matcher(f.name()).find()))
                    || exclude.stream().anyMatch(p -> p.matcher(f.name()).find())) {
                continue;
            }
            FolderPlan plan = map(f, settings.map());
            FolderPlan clash = byDestination.get(plan.destination());
            if (clash != null) {
                FolderPlan mine = yielding(f, plan, byDestination, byAttribute(clash));
                FolderPlan theirs = mine != null ? null
                        : yielding(bySource.get(clash.source()), clash, byDestination, byAttribute(plan));
                if (mine != null) {
                    plan = mine;
                } else if (theirs != null) {
                    byDestination.put(theirs.destination(), theirs);
                } else {
                    throw new IllegalArgumentException("source folders '" + clash.source() + "' and '" + f.name()
                            + "' would both go to destination folder '" + plan.destination()
                            + "'; add --map or --exclude for one of them");
                }
            }
            byDestination.put(plan.destination(), plan);
            bySource.put(f.name(), f);
        }
        List<FolderPlan> result = new ArrayList<>(byDestination.values());
        result.sort(Comparator.comparing(FolderPlan::destination));
        return result;
    }

    private FolderPlan map(MailFolder f, Map<String, String> explicit) {
        String mapped = explicit.get(f.name());
        if (mapped != null) {
            return plan(f, mapped, "--map " + f.name() + "=" + mapped);
        }
        if (f.name().equalsIgnoreCase("INBOX")) {
            return plan(f, "INBOX", "INBOX");
        }
        String relative = f.name().startsWith(srcNs.prefix()) ? f.name().substring(srcNs.prefix().length()) : f.name();
        String[] parts = relative.split(Pattern.quote(String.valueOf(f.separator())), -1);
        List<String> reasons = new ArrayList<>();
        Optional<String> use = f.specialUse().or(() -> usualName(f, srcNs).flatMap(SpecialUseNames::of));
        if (use.isPresent() && dstBySpecialUse.containsKey(use.get())) {
            String target = dstBySpecialUse.get(use.get());
            String why = f.specialUse().isPresent() ? "special-use " + use.get() : "usual name of " + use.get();
            return plan(f, target, target.equals(f.name()) ? why : why + " -> existing " + target);
        }
        StringBuilder dst = new StringBuilder();
        boolean underInbox = parts.length > 1 && parts[0].equalsIgnoreCase("INBOX");
        if (!underInbox) {
            dst.append(dstNs.prefix());
        }
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.indexOf(dstNs.separator()) >= 0 && dstNs.separator() != f.separator()) {
                part = part.replace(dstNs.separator(), '_');
                reasons.add("'" + dstNs.separator() + "' in '" + parts[i] + "' is the destination separator, replaced by '_'");
            }
            if (dstNs.separator() == '.' && part.indexOf('/') >= 0) {
                part = part.replace('/', '_');
                reasons.add("'/' in '" + parts[i] + "' cannot be part of a folder name on a server whose separator"
                        + " is '.' (Maildir++, Cyrus), replaced by '_'");
            }
            if (dstBmpOnly && part.codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
                String replaced = part.codePoints().map(c -> Character.isSupplementaryCodePoint(c) ? '_' : c)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
                reasons.add("characters outside the Basic Multilingual Plane (emoji) in '" + part + "' replaced by '_':"
                        + " this server (UTF8=ACCEPT) would store them so that ordinary (non-UTF-8) clients can no"
                        + " longer list the folders");
                part = replaced;
            }
            dst.append(i == 0 ? "" : String.valueOf(dstNs.separator())).append(part);
        }
        if (!srcNs.prefix().equals(dstNs.prefix()) && !srcNs.prefix().isEmpty() && f.name().startsWith(srcNs.prefix())) {
            reasons.add(0, "source prefix '" + srcNs.prefix() + "' removed");
        }
        if (!dstNs.prefix().isEmpty() && !underInbox) {
            reasons.add(0, "destination prefix '" + dstNs.prefix() + "' added");
        }
        if (f.separator() != dstNs.separator() && parts.length > 1) {
            reasons.add("separator '" + f.separator() + "' -> '" + dstNs.separator() + "'");
        }
        return plan(f, dst.toString(), reasons.isEmpty() ? "same name" : String.join("; ", reasons));
    }

    /**
     * A name is only a guess of a special use: when two source folders would meet in one destination folder
     * and one got there by its name alone ("Entwürfe" next to "Drafts") while the destination has a folder
     * of its own name (made by an earlier run), it goes there; otherwise every run after the first fails.
     * It also yields to a folder that carries the attribute (a plain "Sent Items" beside Gmail's \Sent folder).
     */
    private FolderPlan yielding(MailFolder f, FolderPlan plan, Map<String, FolderPlan> taken, boolean otherByAttribute) {
        String own = sameName(f);
        boolean guessed = plan.reason().startsWith("usual name") && !own.equals(plan.destination());
        if (!guessed || taken.containsKey(own)) {
            return null;
        }
        if (dstByName.containsKey(own)) {
            return plan(f, own, "same name (exists on the destination; the usual name of a special use yields)");
        }
        // a folder marked with the attribute (Gmail's [Gmail]/Sent Mail) beats a folder that is only named so
        return otherByAttribute ? plan(f, own, "same name (the folder marked with the special-use attribute goes to "
                + plan.destination() + ")") : null;
    }

    private static boolean byAttribute(FolderPlan p) {
        return p.reason().startsWith("special-use");
    }

    /**
     * The name whose usual special-use meaning counts: a top-level folder's (after the namespace prefix), or a
     * child's of INBOX or of Gmail's {@code [Gmail]}/{@code [Google Mail]}; empty deeper down
     * ({@code Projects/2019/Sent} is not the Sent folder).
     */
    private static Optional<String> usualName(MailFolder f, Namespace ns) {
        String relative = f.name().startsWith(ns.prefix()) ? f.name().substring(ns.prefix().length()) : f.name();
        String[] parts = relative.split(Pattern.quote(String.valueOf(f.separator())), -1);
        if (parts.length == 1) {
            return Optional.of(parts[0]);
        }
        boolean container = parts[0].equalsIgnoreCase("INBOX") || parts[0].equals("[Gmail]")
                || parts[0].equals("[Google Mail]");
        return parts.length == 2 && container ? Optional.of(parts[1]) : Optional.empty();
    }

    /** The destination name of a top-level source folder kept as it is (prefix translated). */
    private String sameName(MailFolder f) {
        String relative = f.name().startsWith(srcNs.prefix()) ? f.name().substring(srcNs.prefix().length()) : f.name();
        return dstNs.prefix() + relative.replace(f.separator(), dstNs.separator());
    }

    private FolderPlan plan(MailFolder f, String destination, String reason) {
        return new FolderPlan(f.name(), destination, reason, f.selectable(), f.subscribed(),
                !dstByName.containsKey(destination), 0, 0);
    }

    private static List<Pattern> compile(List<String> regexes, String option) {
        List<Pattern> list = new ArrayList<>();
        for (String r : regexes) {
            try {
                list.add(Pattern.compile(r));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(option + " '" + r + "' is not a regular expression: "
                        + e.getDescription());
            }
        }
        return list;
    }
}
