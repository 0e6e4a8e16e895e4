package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mailmigrator.batch.jobs.ProgressTracker;
import org.mailmigrator.core.engine.FolderProgress;
import org.mailmigrator.core.engine.ProgressSnapshot;

/**
 * The figures a person reads, on a clock the test controls: no rate and no ETA before two seconds of a pass,
 * then the byte rate of what was written and an ETA from the bytes left; zero and blank while not running;
 * the total is the count made before copying and done never passes it.
 */
class ProgressTrackerTest {
    private static final long MB = 1_000_000;

    private static ProgressSnapshot snapshot(long done, long bytesDone) {
        var inbox = new FolderProgress("INBOX", done, 100, bytesDone, 100 * MB, 0, FolderProgress.State.COPYING);
        return new ProgressSnapshot(0, 1, done, 100, bytesDone, 100 * MB, done, 0, Duration.ZERO, List.of(inbox));
    }

    @Test
    void rateAndEtaComeFromWhatWasWrittenAndAreBlankUntilKnownOrWhenNotRunning() {
        ProgressTracker t = new ProgressTracker();
        t.newPass(0);
        t.counted(List.of(new ProgressTracker.Counted("INBOX", 100, 0)));
        t.update(snapshot(10, 10 * MB), 1_000);
        var early = t.figures(1_000, true);
        assertEquals(0, early.bytesPerSecond(), "no rate from the first second's burst");
        assertTrue(early.eta().isEmpty(), "no ETA before a rate is known");
        assertEquals(100, early.messagesTotal(), "the total counted before copying");

        t.update(snapshot(40, 40 * MB), 4_000);
        var later = t.figures(4_000, true);
        assertEquals(10 * MB, later.bytesPerSecond(), 1, "40 MB in 4 s");
        assertEquals(10, later.messagesPerSecond(), 0.01);
        assertEquals(Duration.ofSeconds(6), later.eta().orElseThrow(), "60 MB left at 10 MB/s");
        assertEquals(40, later.percent());

        var paused = t.figures(5_000, false);
        assertEquals(0, paused.bytesPerSecond(), "a row not running has no rate");
        assertTrue(paused.eta().isEmpty(), "and no ETA");
        assertEquals(40, paused.messagesDone(), "but keeps what it did");
    }
}
