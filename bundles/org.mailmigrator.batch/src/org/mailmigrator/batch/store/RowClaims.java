package org.mailmigrator.batch.store;

import java.time.Instant;
import java.util.Map;


/**
 * Which process runs which migration, when several processes (on one machine or many) run batches of one shared
 * store: a process claims a row before its pass and releases it after; a claim is a lease the process renews while
 * it lives, so that the rows of a process that died (SIGKILL, a lost machine) become claimable again once its lease
 * expired. A batch's concurrency ({@code --parallel}) holds over all the processes: a row is claimed only while the
 * batch's live claims of every process are fewer. The embedded store of a workspace folder is held by one process (its lock), so its claims are
 * {@link #LOCAL}: always granted, nobody else holds any. Thread-safe.
 */
public interface RowClaims {

    /** A live claim: the process holding it ({@code host:pid}) and when its lease ends unless renewed. */
    record Holder(String worker, Instant until) {
    }

    /** A row of a batch. */
    record Row(String batch, String migrationId) {
    }

    /** The claims of a store only this process writes. */
    RowClaims LOCAL = new RowClaims() {
        @Override
        public boolean claim(String batch, String migrationId) {
            return true;
        }

        @Override
        public void release(String batch, String migrationId) {
            // nothing is held
        }

        @Override
        public Map<String, Holder> holders(String batch) {
            return Map.of();
        }

        @Override
        public String worker() {
            return "this process";
        }

        @Override
        public boolean shared() {
            return false;
        }
    };

    /**
     * Claims a row for this process: true when it holds it now (newly, again, or taken over from a process whose
     * lease expired), false when another live process holds it or its batch already has as many rows claimed as its
     * concurrency allows (over all processes).
     */
    boolean claim(String batch, String migrationId) throws BatchStoreException;

    /** Gives a row back (after its pass); a claim this process does not hold is left alone. */
    void release(String batch, String migrationId) throws BatchStoreException;

    /** The live claims of a batch by migration id, this process's included. */
    Map<String, Holder> holders(String batch) throws BatchStoreException;

    /** This process's name in the claims ({@code host:pid}). */
    String worker();

    /** Whether other processes may hold rows of this store. */
    boolean shared();

    /** Whether a live claim of another process holds the row. */
    default boolean heldElsewhere(Map<String, Holder> holders, String migrationId) {
        Holder h = holders.get(migrationId);
        return h != null && !h.worker().equals(worker());
    }
}
