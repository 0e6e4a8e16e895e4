package org.mailmigrator.connector.imap.internal;

import java.util.ArrayList;
import java.util.List;

/** Compact IMAP UID sets ("1:5,9,12:14") in chunks that keep command lines short. */
final class UidSets {
    private UidSets() {
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
