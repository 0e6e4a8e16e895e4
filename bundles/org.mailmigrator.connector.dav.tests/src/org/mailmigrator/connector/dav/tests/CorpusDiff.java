package org.mailmigrator.connector.dav.tests;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.mailmigrator.core.pim.TextFiles;

import ezvcard.Ezvcard;
import ezvcard.VCard;

/** Which properties of a source item differ, by meaning, from the copy a server gives back. */
final class CorpusDiff {
    private CorpusDiff() {
    }

    /** The events/tasks/journals of UID {@code uid} (or the one starting at {@code line} when the file gives none). */
    static List<String> events(byte[] file, int line, String uid, String onServer) {
        IcsModel source = new IcsModel(TextFiles.decode(file).text());
        IcsModel server = new IcsModel(onServer);
        List<IcsModel.Comp> mine = source.components.stream().filter(c -> c.uid().equals(uid)).toList();
        boolean generated = mine.isEmpty();
        if (generated) {
            mine = source.components.stream().filter(c -> c.line() == line).toList();
        }
        Set<String> differ = new TreeSet<>();
        Set<IcsModel.Comp> matched = new HashSet<>();
        // the same instance twice in the source (merged by the migration): the server copy matches one of them
        Map<String, List<IcsModel.Comp>> byKey = new java.util.LinkedHashMap<>();
        for (IcsModel.Comp s : mine) {
            byKey.computeIfAbsent(s.type() + "|" + uid + "|" + s.props().getOrDefault("RECURRENCE-ID", List.of("")).stream()
                    .findFirst().orElse(""), k -> new ArrayList<>()).add(s);
        }
        for (Map.Entry<String, List<IcsModel.Comp>> e : byKey.entrySet()) {
            List<IcsModel.Comp> candidates = server.components.stream().filter(c -> (c.type() + "|" + c.uid() + "|"
                    + c.props().getOrDefault("RECURRENCE-ID", List.of("")).stream().findFirst().orElse("")).equals(e.getKey())).toList();
            if (candidates.isEmpty()) {
                differ.add(e.getValue().get(0).type());
                continue;
            }
            Set<String> best = null;
            for (IcsModel.Comp s : e.getValue()) {
                for (IcsModel.Comp c : candidates) {
                    Set<String> d = props(s.props(), c.props(), generated ? Set.of("UID") : Set.of());
                    if (best == null || d.size() < best.size()) {
                        best = d;
                    }
                }
            }
            matched.addAll(candidates);
            differ.addAll(best);
        }
        if (server.components.stream().anyMatch(c -> !matched.contains(c))) {
            differ.add("extra component");
        }
        return new ArrayList<>(differ);
    }

    /** The card starting at {@code line} of the file against the server's card. */
    static List<String> cards(byte[] file, int line, String onServer) {
        String[] lines = TextFiles.decode(file).text().split("\r\n|\n|\r", -1);
        StringBuilder card = new StringBuilder();
        for (int i = line - 1; i < lines.length; i++) {
            card.append(lines[i]).append("\r\n");
            if (lines[i].trim().equalsIgnoreCase("END:VCARD")) {
                break;
            }
        }
        VCard source = Ezvcard.parse(card.toString()).first();
        VCard server = Ezvcard.parse(onServer).first();
        if (server == null) {
            return List.of("unreadable card on the server");
        }
        Set<String> ignore = source.getUid() == null ? Set.of("UID") : Set.of();
        return new ArrayList<>(props(CardModel.of(source), CardModel.of(server), ignore));
    }

    private static Set<String> props(Map<String, List<String>> a, Map<String, List<String>> b, Set<String> ignore) {
        Set<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        Set<String> differ = new TreeSet<>();
        for (String n : names) {
            if (!ignore.contains(n) && !a.getOrDefault(n, List.of()).equals(b.getOrDefault(n, List.of()))) {
                differ.add(n);
            }
        }
        return differ;
    }
}
