package org.mailmigrator.connector.imap.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The UIDs of an {@code [APPENDUID validity uid-set]} response code (RFC 4315), in append order. */
final class AppendUids {
    private static final Pattern CODE = Pattern.compile("\\[APPENDUID \\d+ ([0-9:,]+)\\]", Pattern.CASE_INSENSITIVE);

    private AppendUids() {
    }

    static List<Long> parse(String response) {
        List<Long> uids = new ArrayList<>();
        Matcher m = CODE.matcher(response);
        if (!m.find()) {
            return uids;
        }
        for (String part : m.group(1).split(",")) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                uids.add(Long.parseLong(part));
            } else {
                long a = Long.parseLong(part.substring(0, colon));
                long b = Long.parseLong(part.substring(colon + 1));
                for (long u = Math.min(a, b); u <= Math.max(a, b); u++) {
                    uids.add(u);
                }
            }
        }
        return uids;
    }
}
