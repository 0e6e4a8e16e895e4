package org.mailmigrator.batch.internal;

import java.util.Optional;

import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.store.RowClaims;
import org.mailmigrator.batch.store.RunLedger;

/**
 * One job's claim on its row in a shared store ({@link RowClaims}): taken before the pass, given back after it.
 * When another process holds the row, the job does not take a slot of its batch waiting: it is scheduled again
 * ({@link #POLL_MILLIS} later) and asks again. Once it holds the row it reads the row's state as the store has it: a row
 * another process finished meanwhile (Synced, Failed, Paused... since this job was queued) is left as it is; one that
 * process left Running, Queued or Interrupted (it died, or was stopped) is resumed from the shared journal. With
 * a store only this process writes, every claim is granted and nothing is read again.
 */
final class RowClaim {
    /** How often a job waiting for a row another process holds asks again. */
    static final long POLL_MILLIS = 1000;

    /** What a job does after asking for its row. */
    enum Verdict {
        RUN, WAIT, DONE_ELSEWHERE
    }

    private final RowClaims claims;
    private final String batch;
    private final String id;
    private final RunLedger ledger;
    private volatile boolean waiting;
    private volatile boolean held;

    RowClaim(RowClaims claims, String batch, String id, RunLedger ledger) {
        this.claims = claims;
        this.batch = batch;
        this.id = id;
        this.ledger = ledger;
    }

    /** Asks for the row; with RUN the job holds it and {@code status} shows the store's state of it. */
    Verdict take(Status status) {
        waiting = false;
        if (!claims.shared()) {
            return Verdict.RUN;
        }
        try {
            if (!claims.claim(batch, id)) {
                waiting = true;
                return Verdict.WAIT;
            }
            held = true;
            Optional<MigrationState> stored = ledger.states(batch).stream().filter(s -> s.migrationId().equals(id))
                    .findFirst();
            if (stored.isEmpty()) { // removed meanwhile
                release();
                return Verdict.DONE_ELSEWHERE;
            }
            MigrationState mine = status.get();
            boolean changed = stored.get().status() != mine.status()
                    || stored.get().since().toEpochMilli() != mine.since().toEpochMilli();
            status.adopt(stored.get());
            if (changed && !resumable(stored.get().status())) {
                release();
                return Verdict.DONE_ELSEWHERE;
            }
            return Verdict.RUN;
        } catch (BatchStoreException e) {
            // the database is away longer than the reconnection window: ask again later
            release();
            waiting = true;
            return Verdict.WAIT;
        }
    }

    /** Left by a process that died or was stopped, or not started: this job goes on with it. */
    private static boolean resumable(MigrationStatus s) {
        return s == MigrationStatus.QUEUED || s == MigrationStatus.PREFLIGHT || s == MigrationStatus.RUNNING
                || s == MigrationStatus.INTERRUPTED || s == MigrationStatus.WAITING_FOR_QUOTA;
    }

    long pollMillis() {
        return POLL_MILLIS;
    }

    /** Whether the job is scheduled again to ask for a row another process holds. */
    boolean waiting() {
        return waiting;
    }

    /** The job was stopped while waiting: it is done. */
    void giveUp() {
        waiting = false;
    }

    /** Gives the row back after the pass; an unreachable store lets the lease run out instead. */
    void release() {
        if (held) {
            held = false;
            try {
                claims.release(batch, id);
            } catch (BatchStoreException e) {
                // the lease runs out by itself
            }
        }
    }
}
