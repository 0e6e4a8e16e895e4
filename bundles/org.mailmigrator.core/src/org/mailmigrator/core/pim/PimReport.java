package org.mailmigrator.core.pim;

import java.util.List;

import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure;

/**
 * The outcome of a run: one entry per item, plus the account-level failure that stopped it, if any, and
 * its kind (null when there is none, or when the source could not be read).
 */
public record PimReport(List<PimOutcome> outcomes, String failure, AccountFailure.Reason reason) {
    public PimReport {
        outcomes = List.copyOf(outcomes);
    }

    public long created() {
        return outcomes.stream().filter(o -> o instanceof PimOutcome.Created).count();
    }

    public long updated() {
        return outcomes.stream().filter(o -> o instanceof PimOutcome.Updated).count();
    }

    public long unchanged() {
        return outcomes.stream().filter(o -> o instanceof PimOutcome.Unchanged).count();
    }

    public List<PimOutcome.Failed> failures() {
        return outcomes.stream().filter(o -> o instanceof PimOutcome.Failed).map(o -> (PimOutcome.Failed) o).toList();
    }

    /** Notes a destination attached (e.g. extra e-mail addresses moved to the notes). */
    public List<String> notes() {
        return outcomes.stream().flatMap(o -> switch (o) {
            case PimOutcome.Created c -> c.notes().stream().map(n -> c.item().describe() + ": " + n);
            case PimOutcome.Updated u -> u.notes().stream().map(n -> u.item().describe() + ": " + n);
            default -> java.util.stream.Stream.<String>empty();
        }).toList();
    }

    /** Items written with at least one note (a repair, something not kept): the summary counts them. */
    public long itemsWithNotes() {
        return outcomes.stream().filter(o -> switch (o) {
            case PimOutcome.Created c -> !c.notes().isEmpty();
            case PimOutcome.Updated u -> !u.notes().isEmpty();
            default -> false;
        }).count();
    }

    public boolean complete() {
        return failure == null && failures().isEmpty();
    }

    /**
     * How the run ended, in the mail engine's terms: the account failure by its reason ({@link Outcome#of}),
     * else {@code ITEMS_SKIPPED} when an item failed, else {@code COMPLETED}.
     */
    public Outcome outcome() {
        if (failure != null) {
            return Outcome.of(reason);
        }
        return failures().isEmpty() ? Outcome.COMPLETED : Outcome.ITEMS_SKIPPED;
    }
}
