package org.mailmigrator.cli.internal.migrate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.ProgressSnapshot;
import org.mailmigrator.core.engine.SkippedItem;
import org.mailmigrator.core.mail.Quota;

/**
 * A full destination mailbox said once: the server refuses every further message with the same
 * {@code [OVERQUOTA]} answer, and a line per message (870 of them) hides what to do. The progress log shows
 * the first refusal only; the statistics say "destination mailbox full (used/limit)" with the count.
 */
final class QuotaSkips {
    private QuotaSkips() {
    }

    /** Whether a skip reason is the destination's quota (RFC 5530's OVERQUOTA, or a server's own words). */
    static boolean isQuota(String reason) {
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        return r.contains("overquota") || r.contains("quota") && (r.contains("exceed") || r.contains("full"));
    }

    /** The listener that passes everything on except the second and later quota skips. */
    static MigrationListener once(MigrationListener inner) {
        AtomicInteger seen = new AtomicInteger();
        return new MigrationListener() {
            @Override
            public void progress(ProgressSnapshot snapshot) {
                inner.progress(snapshot);
            }

            @Override
            public void info(String message) {
                if (message.startsWith("skipped message") && isQuota(message)) {
                    if (seen.getAndIncrement() == 0) {
                        inner.info(message + " (the destination mailbox is full: further such skips are counted at the end)");
                    }
                    return;
                }
                inner.info(message);
            }

            @Override
            public void checkpoint(String step, String folder) {
                inner.checkpoint(step, folder);
            }
        };
    }

    /** The summary line, or empty when no skip was a quota refusal. */
    static Optional<String> summary(List<SkippedItem> skipped, Optional<Quota> storage) {
        List<SkippedItem> full = skipped.stream().filter(s -> isQuota(s.reason())).toList();
        if (full.isEmpty()) {
            return Optional.empty();
        }
        long bytes = full.stream().mapToLong(SkippedItem::size).sum();
        String usage = storage.map(q -> String.format(Locale.ROOT, "used %.1f MB of %.1f MB", q.usage() * 1024 / 1e6,
                q.limit() * 1024 / 1e6)).orElse("the server gives no usage/limit");
        return Optional.of(String.format(Locale.ROOT, "destination mailbox full (%s): %d message(s), %.1f MB not copied; "
                + "make space or raise the quota, then run again (they are copied then)", usage, full.size(), bytes / 1e6));
    }
}
