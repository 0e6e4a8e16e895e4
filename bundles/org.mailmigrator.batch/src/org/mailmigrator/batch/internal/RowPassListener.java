package org.mailmigrator.batch.internal;

import java.time.Instant;
import java.util.List;

import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.jobs.ProgressTracker;
import org.mailmigrator.batch.report.PassLog;
import org.mailmigrator.batch.run.PassListener;
import org.mailmigrator.core.engine.ProgressSnapshot;

/**
 * What a batch row's pass tells ({@link MigrationJob}): its steps move the row's status and open the pass in the
 * row's history, its progress and notes go to the batch's hub. It keeps the kind and start of the mail pass it
 * opened, for the line that closes it.
 */
final class RowPassListener implements PassListener {
    private final ProgressHub hub;
    private final String batch;
    private final String id;
    private final boolean preflightOnly;
    private final Status status;
    private final RowHistory history;
    private volatile String kind = "full";
    private volatile Instant started = Instant.now();

    RowPassListener(ProgressHub hub, String batch, String id, boolean preflightOnly, Status status, RowHistory history) {
        this.hub = hub;
        this.batch = batch;
        this.id = id;
        this.preflightOnly = preflightOnly;
        this.status = status;
        this.history = history;
    }

    /** The kind of the mail pass opened last ("full", "delta"…). */
    String kind() {
        return kind;
    }

    /** When the mail pass opened last began. */
    Instant started() {
        return started;
    }

    @Override
    public void step(Step step) {
        switch (step) {
            case PREFLIGHT -> {
                if (!preflightOnly) {
                    status.move(MigrationStatus.PREFLIGHT, null);
                }
            }
            case MAIL, LEGS_ONLY -> {
                hub.reset(batch, id);
                status.move(MigrationStatus.RUNNING, null);
                if (step == Step.MAIL) { // a pass of the ledger; calendar/contacts-only rows have none
                    kind = history.nextKind();
                    started = Instant.now();
                    history.record(new PassLog.Pass(started, null, kind, "running", 0, 0, 0, 0), false);
                }
            }
        }
    }

    @Override
    public void counted(List<ProgressTracker.Counted> folders) {
        hub.counted(batch, id, folders);
    }

    @Override
    public void progress(ProgressSnapshot snapshot) {
        hub.progress(batch, id, snapshot);
    }

    @Override
    public void info(String message) {
        hub.log(batch, id, message);
    }
}
