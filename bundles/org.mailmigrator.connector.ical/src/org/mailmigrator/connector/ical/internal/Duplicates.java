package org.mailmigrator.connector.ical.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One UID must be one object: one master and at most one override per RECURRENCE-ID. Exports sometimes hold
 * the same event twice (identical, or an older and a newer SEQUENCE of it); those are merged, keeping the newer
 * one. Two different versions that nothing orders are refused: which one is right cannot be decided.
 */
final class Duplicates {
    /** The blocks to send, or the reason the item is refused. */
    record Result(List<Block> blocks, String refusal) {
    }

    private Duplicates() {
    }

    static Result merge(String uid, List<Block> blocks, List<String> notes) {
        Map<String, Block> byInstance = new LinkedHashMap<>();
        for (Block b : blocks) {
            String key = b.name() + "|" + b.property("RECURRENCE-ID").orElse("");
            Block earlier = byInstance.get(key);
            if (earlier == null) {
                byInstance.put(key, b);
                continue;
            }
            String what = b.property("RECURRENCE-ID").map(r -> "the occurrence " + r).orElse("the " + b.name());
            if (body(earlier).equals(body(b))) {
                notes.add(what + " of UID " + uid + " appears twice (lines " + earlier.firstLine() + " and " + b.firstLine()
                        + "), identical: sent once");
                continue;
            }
            int order = compare(earlier, b);
            if (order == 0) {
                return new Result(List.of(), "two different versions of " + what + " share the UID " + uid + " (lines "
                        + earlier.firstLine() + " and " + b.firstLine() + ") and neither has a higher SEQUENCE or a later"
                        + " LAST-MODIFIED: not sent (one server refuses such an object, another stores it invalid);"
                        + " give one of them another UID");
            }
            Block newer = order < 0 ? b : earlier;
            Block older = order < 0 ? earlier : b;
            notes.add(what + " of UID " + uid + " appears twice: the older version (line " + older.firstLine() + ", SEQUENCE "
                    + older.property("SEQUENCE").orElse("0") + ") is replaced by the newer one (line " + newer.firstLine()
                    + ", SEQUENCE " + newer.property("SEQUENCE").orElse("0") + ")");
            byInstance.put(key, newer);
        }
        return new Result(new ArrayList<>(byInstance.values()), null);
    }

    private static List<String> body(Block b) {
        return b.lines().stream().map(ContentLine::text).filter(t -> !t.toUpperCase(java.util.Locale.ROOT).startsWith("DTSTAMP")).toList();
    }

    /** Negative when {@code a} is older than {@code b}, positive when newer, 0 when nothing orders them. */
    private static int compare(Block a, Block b) {
        int c = Integer.compare(sequence(a), sequence(b));
        if (c != 0) {
            return c;
        }
        Optional<String> ma = a.property("LAST-MODIFIED");
        Optional<String> mb = b.property("LAST-MODIFIED");
        if (ma.isPresent() && mb.isPresent()) {
            return ma.get().compareTo(mb.get());
        }
        return 0;
    }

    private static int sequence(Block b) {
        try {
            return Integer.parseInt(b.property("SEQUENCE").orElse("0").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
