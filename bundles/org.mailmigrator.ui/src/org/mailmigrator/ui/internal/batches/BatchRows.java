package org.mailmigrator.ui.internal.batches;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.Labels;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.jobs.MigrationProgress;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * The rows of a batch: from this process's live snapshot when it ran the batch, else from the store (the
 * state a finished or crashed run left, or another process's run as last saved).
 */
final class BatchRows {
    private final BatchSession session;
    /** Item kinds per batch and migration: fixed once a batch is stored, so read once. */
    private final Map<String, Map<String, String>> kinds = new HashMap<>();

    BatchRows(BatchSession session) {
        this.session = session;
    }

    List<MigrationRow> rows(String batch) throws BatchStoreException {
        Optional<BatchSpec> spec = session.workspace().store().batch(batch);
        if (spec.isEmpty()) {
            kinds.remove(batch);
            return List.of();
        }
        kinds.remove(batch);  // migrations may have been added or removed since
        Optional<BatchProgress> live = session.live(batch);
        return live.isPresent() ? fromSnapshot(live.get()) : fromStore(spec.get());
    }

    List<MigrationRow> fromSnapshot(BatchProgress snapshot) throws BatchStoreException {
        Map<String, String> k = kindsOf(snapshot.batch());
        List<MigrationRow> out = new ArrayList<>(snapshot.migrations().size());
        for (MigrationProgress p : snapshot.migrations()) {
            out.add(new MigrationRow(snapshot.batch(), p, k.getOrDefault(p.id(), "")));
        }
        return out;
    }

    private List<MigrationRow> fromStore(BatchSpec spec) throws BatchStoreException {
        Map<String, MigrationState> states = new HashMap<>();
        session.workspace().store().states(spec.name()).forEach(s -> states.put(s.migrationId(), s));
        Map<String, String> k = kindsOf(spec);
        Instant now = Instant.now();
        var connectors = org.mailmigrator.batch.jobs.ConnectorFactory.of(session.workspace().connectors());
        List<MigrationRow> out = new ArrayList<>(spec.migrations().size());
        for (Migration m : spec.migrations()) {
            MigrationState s = states.get(m.id());
            if (s == null) {
                continue;
            }
            var p = new MigrationProgress(m.id(), Labels.account(m.source(), connectors), Labels.account(m.destination(), connectors), s.status(),
                    s.inStatus(now), s.status().label().toLowerCase(java.util.Locale.ROOT), 0, 0, s.copied(), 0, s.bytes(), 0,
                    0, 0, Optional.empty(), s.skipped(), s.lastError(), s.lastSync());
            out.add(new MigrationRow(spec.name(), p, k.get(m.id())));
        }
        return out;
    }

    private Map<String, String> kindsOf(String batch) throws BatchStoreException {
        Map<String, String> k = kinds.get(batch);
        if (k != null) {
            return k;
        }
        Optional<BatchSpec> spec = session.workspace().store().batch(batch);
        return spec.isPresent() ? kindsOf(spec.get()) : Map.of();
    }

    private Map<String, String> kindsOf(BatchSpec spec) {
        // what the row copies: its item kinds, plus the calendar/contacts legs of the batch file (a legs-only
        // row says only its legs, not "mail")
        return kinds.computeIfAbsent(spec.name(), n -> spec.migrations().stream().collect(Collectors.toMap(Migration::id,
                m -> {
                    java.util.Set<String> k = new java.util.LinkedHashSet<>();
                    if (!org.mailmigrator.batch.PimLeg.legsOnly(m)) {
                        m.options().kinds().stream().sorted().map(ItemKind::id).forEach(k::add);
                    }
                    spec.pim(m.id()).forEach(l -> k.add(l.kind().id()));
                    return String.join(", ", k);
                })));
    }
}
