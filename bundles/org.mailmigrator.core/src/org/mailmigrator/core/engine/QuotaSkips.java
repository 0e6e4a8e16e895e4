package org.mailmigrator.core.engine;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Quota;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * A full destination mailbox said once: the server refuses every further message with the same
 * {@code [OVERQUOTA]} answer, and a line per message (870 of them) hides what to do. The progress log shows
 * the first refusal only; the statistics say "destination mailbox full (used/limit)" with the count. Shared by
 * {@code migrate} and the batch jobs and reports, so both say it in the same words.
 */
public final class QuotaSkips {
    private QuotaSkips() {
    }

    /** Whether a skip reason is the destination's quota (RFC 5530's OVERQUOTA, or a server's own words). */
    public static boolean isQuota(String reason) {
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        return r.contains("overquota") || r.contains("quota") && (r.contains("exceed") || r.contains("full"));
    }

    /** The listener that passes everything on except the second and later quota skips. */
    public static MigrationListener once(MigrationListener inner) {
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
    public static Optional<String> summary(List<SkippedItem> skipped, Optional<Quota> storage) {
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

    /** Whether any of the skips is a quota refusal. */
    public static boolean any(List<SkippedItem> skipped) {
        return skipped.stream().anyMatch(s -> isQuota(s.reason()));
    }

    /** The destination's storage quota (GETQUOTAROOT of the INBOX), asked once after a run that met a full mailbox. */
    public static Optional<Quota> storage(SessionFactory destination) {
        try (ConnectorSession session = destination.open()) {
            Optional<MailStore> store = session.capability(MailStore.class);
            if (store.isEmpty()) {
                return Optional.empty();
            }
            return store.get().quotas("INBOX").stream().filter(Quota::storage).findFirst();
        } catch (ConnectorException | RuntimeException e) {
            return Optional.empty(); // the summary then says the server gave no figures
        }
    }
}
