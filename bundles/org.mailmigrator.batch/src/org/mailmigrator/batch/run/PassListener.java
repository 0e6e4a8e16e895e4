package org.mailmigrator.batch.run;

import java.util.List;

import org.mailmigrator.batch.jobs.ProgressTracker;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.pim.PimOutcome;

/**
 * What a pass tells while it runs: the engine's progress and notes ({@link MigrationListener}), the step it
 * enters, the folders counted before copying, and each calendar/contacts item as it is done. Every method
 * has a default that does nothing; the command line prints, a batch job moves the row's status.
 */
public interface PassListener extends MigrationListener {

    /** The steps of a pass, in order; a step that does not apply is not entered. */
    enum Step {
        /** Both mail servers checked before data moves (only when the run asks for it). */
        PREFLIGHT,
        /** The mail pass is about to start (state store, count, engine). */
        MAIL,
        /** The calendar/contacts legs start in a pass without mail. */
        LEGS_ONLY
    }

    default void step(Step step) {
    }

    /** The source folders counted before copying (not in a dry run). */
    default void counted(List<ProgressTracker.Counted> folders) {
    }

    /** One calendar, task or contact item done (created, updated, unchanged or failed). */
    default void item(PimOutcome outcome) {
    }

    /** Listens to nothing. */
    PassListener SILENT = new PassListener() {
    };
}
