package org.mailmigrator.core.internal.engine;

import java.util.concurrent.atomic.AtomicReference;

import org.mailmigrator.core.limits.TransferBudget;

/**
 * The limits one run has met or must keep, shared by its workers: the destination's "mailbox full" answer (after
 * it, no further message is sent: each is listed as a skip with that answer, and the next run tries them again)
 * and the daily transfer budget, when one applies.
 */
final class RunLimits {
    private final AtomicReference<String> destinationFull = new AtomicReference<>();
    private volatile TransferBudget budget;

    /** The destination's first "full" answer, or null. */
    String destinationFull() {
        return destinationFull.get();
    }

    void destinationFull(String answer) {
        destinationFull.compareAndSet(null, answer);
    }

    TransferBudget budget() {
        return budget;
    }

    void budget(TransferBudget value) {
        budget = value == null || !value.limited() ? null : value;
    }
}
