package org.mailmigrator.ui.internal.batches;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.jobs.MigrationProgress;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * The rows of a batch: from the session's live snapshot when it has one (this process's runs; on a shared store,
 * every batch, the rows other processes run refreshed from the store: {@link FleetWatch}), else from the store (the
 * state a finished or crashed run left, or another process's run as last saved); each with the process holding it.
 */
public final class BatchRows {
    private final BatchSession session;
    /** Item kinds per batch and migration: fixed once a batch is stored, so read once. */
    private final Map<String, Map<String, String>> kinds = new HashMap<>();

    public BatchRows(BatchSession session) {
        this.session = session;
    }

    /** The rows of {@code batch} as the Migrations view shows them. */
    public List<MigrationRow> rows(String batch) throws BatchStoreException {
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
            out.add(row(snapshot.batch(), p, k.getOrDefault(p.id(), "")));
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
            out.add(row(spec.name(), StoreRows.progress(m, s, connectors, now), k.get(m.id())));
        }
        return out;
    }

    /** A row with the process that holds it ("this workbench", another's host:pid, blank: none). */
    private MigrationRow row(String batch, org.mailmigrator.batch.jobs.MigrationProgress p, String kinds) {
        return new MigrationRow(batch, p, kinds, session.worker(batch, p.id(), p.status()));
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
