package org.mailmigrator.connector.imap.internal;

import java.util.ArrayList;
import java.util.List;

/** Compact IMAP UID sets ("1:5,9,12:14") in chunks that keep command lines short. */
final class UidSets {
    private UidSets() {
    }

    /**
     * The UID a message id of this connector stands for: the engine's ids are opaque strings, an IMAP folder's
     * are its UIDs in decimal; numeric order stays inside the connector.
     */
    static long uid(String id) {
        return Long.parseLong(id);
    }

    static long uid(org.mailmigrator.core.mail.MessageInfo m) {
        return uid(m.id());
    }

    /** The engine's id of a UID. */
    static String id(long uid) {
        return Long.toString(uid);
    }

    static List<Long> uids(java.util.Collection<String> ids) {
        return ids.stream().map(UidSets::uid).toList();
    }

    /** A number the engine keeps as text (UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ); null for 0, "none". */
    static String text(long n) {
        return n <= 0 ? null : Long.toString(n);
    }

    /** Back from {@link #text}: 0 for null. */
    static long number(String text) {
        return text == null ? 0 : Long.parseLong(text);
    }

    static List<List<Long>> chunks(List<Long> uids, int size) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < uids.size(); i += size) {
            out.add(uids.subList(i, Math.min(uids.size(), i + size)));
        }
        return out;
    }

    static String format(List<Long> uids) {
        long[] sorted = uids.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[j] + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(sorted[i]);
            if (j > i) {
                sb.append(':').append(sorted[j]);
            }
            i = j + 1;
        }
        return sb.toString();
    }
}
