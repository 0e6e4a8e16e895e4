package org.mailmigrator.connector.dav.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The numbers of one project into one server, and the lines that explain them. */
final class CorpusTally {
    int items;
    int created;
    int identical;
    private int lossy;
    private final Map<String, Integer> lossyBy = new TreeMap<>();
    private final List<String> refused = new ArrayList<>();
    private int rewritten;
    private final Map<String, Integer> rewrittenBy = new TreeMap<>();

    /** Properties the server stored otherwise than they were sent (not the migration's doing). */
    void rewritten(List<String> properties) {
        rewritten++;
        properties.forEach(p -> rewrittenBy.merge(p, 1, Integer::sum));
    }

    void lossy(List<String> properties) {
        lossy++;
        properties.forEach(p -> lossyBy.merge(p, 1, Integer::sum));
    }

    void refused(String what) {
        refused.add(what);
    }

    String row(String project, String server) {
        StringBuilder b = new StringBuilder(String.format("%-18s %-9s %6d %8d %10d %6d %9d %8d%n", project, server, items, created,
                identical, lossy, rewritten, refused.size()));
        if (!lossyBy.isEmpty()) {
            b.append("    lossy by property (each with a note): ").append(lossyBy).append('\n');
        }
        if (!rewrittenBy.isEmpty()) {
            b.append("    rewritten by the server, by property: ").append(rewrittenBy).append('\n');
        }
        for (String r : refused) {
            b.append("    refused: ").append(r.length() > 220 ? r.substring(0, 220) + "..." : r).append('\n');
        }
        return b.toString();
    }
}
