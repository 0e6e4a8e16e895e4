package org.mailmigrator.core.pim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.internal.pim.JournalRecovery;
import org.mailmigrator.core.internal.retry.Backoff;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.StateException;

/**
 * Copies calendar, task and contact items from a reader to a writer, idempotently and crash-safe: journal
 * entries left by an interrupted run are resolved at the destination first ({@link JournalRecovery}); then each
 * item is read, one at a time, and an item whose fingerprint is recorded is not sent again, a changed one is
 * updated in place, a malformed one is reported with its file and line and the others go on. Each write is
 * preceded by a committed journal entry and followed by the record that clears it. Transient failures and
 * throttling are retried with the engine's backoff ({@link MigrationSettings#maxAttempts()},
 * {@link MigrationSettings#firstBackoff()}); an account failure stops the run and is reported.
 */
public final class PimMigration {
    private static final String RECOVERED = "written by an interrupted run: found at the destination and recorded";

    private final PimReader reader;
    private final PimWriter writer;
    private final PimState state;
    private final Set<ItemKind> kinds;
    private final Consumer<PimOutcome> listener;
    private Backoff backoff = Backoff.of(MigrationSettings.defaults());
    private Consumer<String> info = m -> { };

    public PimMigration(PimReader reader, PimWriter writer, PimState state, Set<ItemKind> kinds,
            Consumer<PimOutcome> listener) {
        this.reader = reader;
        this.writer = writer;
        this.state = state;
        this.kinds = Set.copyOf(kinds);
        this.listener = listener == null ? o -> { } : listener;
    }

    /** Retries as {@code settings} say (attempts, first backoff); {@code info} hears of each retry and recovery. */
    public PimMigration withRetries(MigrationSettings settings, Consumer<String> infoListener) {
        this.backoff = Backoff.of(settings);
        this.info = infoListener == null ? m -> { } : infoListener;
        return this;
    }

    public PimReport run() {
        List<PimOutcome> outcomes = new ArrayList<>();
        Map<String, Boolean> recovered;
        try {
            recovered = JournalRecovery.resolve(state, writer, kinds, backoff, info);
        } catch (ConnectorException.AccountFailure e) {
            return new PimReport(outcomes, e.getMessage(), e.reason());
        } catch (ConnectorException e) {
            return new PimReport(outcomes, "cannot look at the destination: " + e.getMessage(),
                    ConnectorException.AccountFailure.Reason.CONNECTION);
        } catch (StateException e) {
            return new PimReport(outcomes, e.getMessage(), ConnectorException.AccountFailure.Reason.CONFIGURATION);
        }
        PimReport[] stopped = new PimReport[1];
        try {
            reader.read(entry -> {
                PimOutcome outcome;
                try {
                    outcome = switch (entry) {
                        case PimEntry.Malformed m -> new PimOutcome.Failed(m.origin(), m.reason());
                        case PimEntry.Item i -> kinds.contains(i.item().kind()) ? copy(i.item(), recovered) : null;
                    };
                } catch (ConnectorException.AccountFailure e) {
                    stopped[0] = new PimReport(outcomes, e.getMessage(), e.reason());
                    return false;
                } catch (StateException e) {
                    stopped[0] = new PimReport(outcomes, e.getMessage(), ConnectorException.AccountFailure.Reason.CONFIGURATION);
                    return false;
                } catch (RuntimeException e) {
                    // one item the writer could not handle never stops the others
                    outcome = new PimOutcome.Failed(entry instanceof PimEntry.Item i ? i.item().describe()
                            : ((PimEntry.Malformed) entry).origin(), "could not be converted: " + PimText.reason(e));
                }
                if (outcome != null) {
                    outcomes.add(outcome);
                    listener.accept(outcome);
                    reader.outcome(outcome);
                }
                return true;
            });
        } catch (ConnectorException e) {
            return new PimReport(outcomes, "cannot read the source: " + e.getMessage(),
                    e instanceof ConnectorException.AccountFailure a ? a.reason() : null);
        } catch (RuntimeException e) {
            return new PimReport(outcomes, "cannot read the source: " + PimText.reason(e), null);
        }
        return stopped[0] != null ? stopped[0] : new PimReport(outcomes, null, null);
    }

    private PimOutcome copy(PimItem item, Map<String, Boolean> recovered) throws ConnectorException.AccountFailure, StateException {
        String fingerprint = item.fingerprint();
        Optional<PimState.Entry> previous = state.find(item.key());
        Boolean recoveredCreation = recovered.remove(item.key());
        PimItem kept = item.withoutText();
        if (previous.isPresent() && previous.get().fingerprint().equals(fingerprint)) {
            if (recoveredCreation == null) {
                return new PimOutcome.Unchanged(kept);
            }
            List<String> notes = new ArrayList<>(item.notes());
            notes.add(RECOVERED);
            return recoveredCreation ? new PimOutcome.Created(kept, previous.get().stored(), notes)
                    : new PimOutcome.Updated(kept, previous.get().stored(), notes);
        }
        Optional<Stored> before = previous.map(PimState.Entry::stored);
        state.journal(new PimState.Journaled(item, fingerprint, before));
        PimWriter.Written written;
        try {
            written = backoff.run("writing " + item.describe(), () -> writer.write(item, before), info);
        } catch (ConnectorException.ItemFailure e) {
            state.dropJournal(item.key());
            return new PimOutcome.Failed(item.describe(), e.getMessage());
        } catch (ConnectorException.AccountFailure e) {
            throw e; // the journal entry stays: the next run looks at the destination first
        } catch (ConnectorException.Throttled e) {
            state.dropJournal(item.key());
            return new PimOutcome.Failed(item.describe(), "still throttled after " + backoff.maxAttempts() + " attempts: " + e.getMessage());
        } catch (ConnectorException e) {
            // whether the last attempt reached the destination is unknown: the journal entry stays for the next run
            return new PimOutcome.Failed(item.describe(), "failed " + backoff.maxAttempts() + " times: " + e.getMessage());
        }
        state.put(item.key(), new PimState.Entry(written.stored(), fingerprint));
        if (written.unchanged()) {
            return new PimOutcome.Unchanged(kept);
        }
        List<String> notes = new ArrayList<>(item.notes());
        notes.addAll(written.notes());
        return written.created() ? new PimOutcome.Created(kept, written.stored(), notes)
                : new PimOutcome.Updated(kept, written.stored(), notes);
    }
}
