package org.mailmigrator.batch.internal;

import java.time.Instant;
import java.util.Optional;

import org.mailmigrator.batch.run.PassRequest;
import org.mailmigrator.core.limits.TransferBudget;
import org.mailmigrator.core.model.Migration;

/**
 * A batch row whose daily transfer budget is spent ("waiting for quota until HH:MM"): its job is scheduled again
 * for when the earliest window of the row's budget ends, holding no slot of the batch meanwhile; pausing or
 * stopping the row ends the wait.
 */
final class QuotaWait {
    private QuotaWait() {
    }

    /** Milliseconds until the row's earliest budget window ends (a minute when the budget cannot say). */
    static long untilOpens(PassRequest request, JobServices services) {
        try (PgBudgetCounts counts = Budgets.counts(request.state())) {
            Migration migration = request.migration();
            TransferBudget budget = Budgets.of(counts, request.state().dir(), migration.source(),
                    migration.destination(), services.connectors(), services.presets().providers());
            Optional<Instant> at = budget == null ? Optional.empty() : budget.nextOpening();
            return at.map(t -> Math.max(1000, t.toEpochMilli() - System.currentTimeMillis() + 500)).orElse(60_000L);
        } catch (RuntimeException e) {
            return 60_000L;
        }
    }
}
