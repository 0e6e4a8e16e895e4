package org.mailmigrator.batch.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.mailmigrator.batch.run.PassRequest;
import org.mailmigrator.core.limits.TransferBudget;
import org.mailmigrator.core.model.Migration;

/**
 * A batch row whose daily transfer budget is spent ("waiting for quota until HH:MM"): its job sleeps until the
 * earliest window of the row's budget ends, then runs the pass again; pausing or stopping the row ends the wait.
 */
final class QuotaWait {
    private QuotaWait() {
    }

    /** Milliseconds until the row's earliest budget window ends (a minute when the budget cannot say). */
    static long untilOpens(PassRequest request, JobServices services) {
        try {
            Migration migration = request.migration();
            TransferBudget budget = Budgets.of(request.state().dir(), migration.source(), migration.destination(),
                    services.connectors(), services.presets().providers());
            Optional<Instant> at = budget == null ? Optional.empty() : budget.nextOpening();
            return at.map(t -> Math.max(1000, t.toEpochMilli() - System.currentTimeMillis() + 500)).orElse(60_000L);
        } catch (RuntimeException e) {
            return 60_000L;
        }
    }

    /** Sleeps {@code millis}; false when cancelled (or interrupted) meanwhile. */
    static boolean sleep(long millis, BooleanSupplier cancelled) {
        long until = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < until) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            try {
                Thread.sleep(Math.min(500, Math.max(1, until - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
