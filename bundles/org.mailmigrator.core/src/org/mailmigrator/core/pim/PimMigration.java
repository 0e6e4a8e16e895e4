package org.mailmigrator.core.pim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.StateException;

/**
 * Copies calendar, task and contact items from a reader to a writer, idempotently: an item whose
 * fingerprint is recorded is not sent again, a changed one is updated in place, a malformed one is
 * reported with its file and line and the others go on. Throttling is honoured (the writer's back-off),
 * transient failures are retried a few times, an account failure stops the run and is reported.
 */
public final class PimMigration {
    private static final int ATTEMPTS = 4;

    private final PimReader reader;
    private final PimWriter writer;
    private final PimState state;
    private final Set<ItemKind> kinds;
    private final Consumer<PimOutcome> listener;

    public PimMigration(PimReader reader, PimWriter writer, PimState state, Set<ItemKind> kinds,
            Consumer<PimOutcome> listener) {
        this.reader = reader;
        this.writer = writer;
        this.state = state;
        this.kinds = Set.copyOf(kinds);
        this.listener = listener == null ? o -> { } : listener;
    }

    public PimReport run() {
        List<PimOutcome> outcomes = new ArrayList<>();
        List<PimEntry> entries;
        try {
            entries = reader.read();
        } catch (ConnectorException e) {
            return new PimReport(outcomes, "cannot read the source: " + e.getMessage(),
                    e instanceof ConnectorException.AccountFailure a ? a.reason() : null);
        } catch (RuntimeException e) {
            return new PimReport(outcomes, "cannot read the source: " + PimText.reason(e), null);
        }
        for (PimEntry entry : entries) {
            PimOutcome outcome;
            try {
                outcome = switch (entry) {
                    case PimEntry.Malformed m -> new PimOutcome.Failed(m.origin(), m.reason());
                    case PimEntry.Item i -> kinds.contains(i.item().kind()) ? copy(i.item()) : null;
                };
            } catch (ConnectorException.AccountFailure e) {
                return new PimReport(outcomes, e.getMessage(), e.reason());
            } catch (StateException e) {
                return new PimReport(outcomes, e.getMessage(), ConnectorException.AccountFailure.Reason.CONFIGURATION);
            } catch (RuntimeException e) {
                // one item the writer could not handle never stops the others
                outcome = new PimOutcome.Failed(entry instanceof PimEntry.Item i ? i.item().describe()
                        : ((PimEntry.Malformed) entry).origin(), "could not be converted: " + PimText.reason(e));
            }
            if (outcome != null) {
                outcomes.add(outcome);
                listener.accept(outcome);
            }
        }
        return new PimReport(outcomes, null, null);
    }

    private PimOutcome copy(PimItem item) throws ConnectorException.AccountFailure, StateException {
        String fingerprint = item.fingerprint();
        Optional<PimState.Entry> previous = state.find(item.key());
        if (previous.isPresent() && previous.get().fingerprint().equals(fingerprint)) {
            return new PimOutcome.Unchanged(item);
        }
        for (int attempt = 1;; attempt++) {
            try {
                PimWriter.Written written = writer.write(item, previous.map(PimState.Entry::stored));
                state.put(item.key(), new PimState.Entry(written.stored(), fingerprint));
                if (written.unchanged()) {
                    return new PimOutcome.Unchanged(item);
                }
                List<String> notes = new ArrayList<>(item.notes());
                notes.addAll(written.notes());
                return written.created() ? new PimOutcome.Created(item, written.stored(), notes)
                        : new PimOutcome.Updated(item, written.stored(), notes);
            } catch (ConnectorException.ItemFailure e) {
                return new PimOutcome.Failed(item.describe(), e.getMessage());
            } catch (ConnectorException.AccountFailure e) {
                throw e;
            } catch (ConnectorException.Throttled e) {
                if (attempt >= ATTEMPTS) {
                    return new PimOutcome.Failed(item.describe(), "still throttled after " + ATTEMPTS + " attempts: " + e.getMessage());
                }
                pause(Math.max(e.backOffMillis(), 100));
            } catch (ConnectorException e) {
                if (attempt >= ATTEMPTS) {
                    return new PimOutcome.Failed(item.describe(), "failed " + ATTEMPTS + " times: " + e.getMessage());
                }
                pause(500L * attempt);
            }
        }
    }

    private static void pause(long millis) throws ConnectorException.AccountFailure {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException.AccountFailure("interrupted", e);
        }
    }
}
