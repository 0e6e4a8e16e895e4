package org.mailmigrator.core.internal.engine;

import org.mailmigrator.core.engine.RunInterrupted;

/**
 * A cooperative stop request: checked between messages, so a cancelled run leaves at most the current
 * batch journalled (and resolved on the next run), never a half-written message.
 */
public final class Cancellation {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean cancelled() {
        return cancelled;
    }

    void check() {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            throw new RunInterrupted("the run was stopped before its end");
        }
    }
}
