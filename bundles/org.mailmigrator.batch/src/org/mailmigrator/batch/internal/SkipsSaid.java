package org.mailmigrator.batch.internal;

import java.util.List;

import org.mailmigrator.core.engine.QuotaSkips;
import org.mailmigrator.core.mail.Quota;
import org.mailmigrator.core.engine.SkippedItem;

/**
 * A pass's skips in one line for the migration's status ({@code batch status}, the report's line): a full
 * destination mailbox is said once with usage and limit, in the words of {@code migrate}, not as a count of
 * items that hides why (the storage is the pass report's, asked once when the pass met a full mailbox); every skip stays listed in the report's {@code skipped.csv}.
 */
final class SkipsSaid {
    private SkipsSaid() {
    }

    static String line(List<SkippedItem> skipped, java.util.Optional<Quota> storage) {
        if (!QuotaSkips.any(skipped)) {
            return skipped.size() + " item(s) skipped (see the report)";
        }
        long others = skipped.stream().filter(s -> !QuotaSkips.isQuota(s.reason())).count();
        String full = QuotaSkips.summary(skipped, storage).orElseThrow();
        return others == 0 ? full : full + "; " + others + " other item(s) skipped (see the report)";
    }

}
