package org.mailmigrator.core.internal.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.mailmigrator.core.engine.AlteredItem;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.ProgressSnapshot;
import org.mailmigrator.core.engine.SkippedItem;

/**
 * The running totals of one run, updated by every worker; publishes a progress snapshot to the listener at
 * most every 250 ms so that a fast copy is not slowed down by printing.
 */
public final class Counters {
    final AtomicInteger foldersDone = new AtomicInteger();
    final AtomicInteger foldersTotal = new AtomicInteger();
    final AtomicLong messagesDone = new AtomicLong();
    final AtomicLong messagesTotal = new AtomicLong();
    final AtomicLong bytesDone = new AtomicLong();
    final AtomicLong bytesTotal = new AtomicLong();
    final AtomicLong copied = new AtomicLong();
    final AtomicLong alreadyPresent = new AtomicLong();
    final AtomicLong flagsUpdated = new AtomicLong();
    final AtomicLong removed = new AtomicLong();
    final AtomicLong bytesCopied = new AtomicLong();
    private final List<SkippedItem> skipped = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<AlteredItem> altered = new ArrayList<>();
    private final MigrationListener listener;
    private final long start = System.nanoTime();
    private final AtomicLong lastPublished = new AtomicLong();
    private final FolderTallies folders = new FolderTallies();
    private final FolderAttempts attempts = new FolderAttempts();
    /** The destination's "full" answer and the transfer budget, shared by the run's workers. */
    final RunLimits limits = new RunLimits();

    public Counters(MigrationListener listener) {
        this.listener = listener;
    }

    /** The selectable folders of the plan, so that each has a line before its worker reaches it. */
    void plan(List<String> names) {
        folders.plan(names);
    }

    void planned(String folder, long messages, long bytes) {
        synchronized (this) {
            FolderAttempts.Attempt a = attempts.of(folder);
            a.planned += messages;
            a.plannedBytes += bytes;
        }
        folders.planned(folder, messages, bytes);
        messagesTotal.addAndGet(messages);
        bytesTotal.addAndGet(bytes);
        publish(false);
    }

    void copied(String folder, String id, long bytes) {
        synchronized (this) {
            attempts.of(folder).copiedIds.add(id);
        }
        folders.done(folder, 1, bytes);
        copied.incrementAndGet();
        messagesDone.incrementAndGet();
        bytesDone.addAndGet(bytes);
        bytesCopied.addAndGet(bytes);
        publish(false);
    }

    void present(String folder, long n) {
        synchronized (this) {
            attempts.of(folder).present += n;
        }
        folders.done(folder, n, 0);
        alreadyPresent.addAndGet(n);
        messagesDone.addAndGet(n);
    }

    /** A message proven expunged on the source during the run: done, nothing to copy. */
    void expunged(String folder, long bytes) {
        synchronized (this) {
            FolderAttempts.Attempt a = attempts.of(folder);
            a.otherDone++;
            a.otherBytes += Math.max(0, bytes);
        }
        folders.done(folder, 1, 0);
        messagesDone.incrementAndGet();
        bytesDone.addAndGet(Math.max(0, bytes));
    }

    /** A message that was not copied; one without id means the whole folder could not be copied. */
    synchronized void skipped(SkippedItem item, long bytes) {
        folders.skipped(item.folder(), bytes, item.wholeFolder());
        skipped.add(item);
        if (!item.wholeFolder()) { // a whole folder's skip comes after its last attempt
            FolderAttempts.Attempt a = attempts.of(item.folder());
            a.skipped.add(item);
            a.skippedBytes.merge(item, bytes, Long::sum);
        }
        messagesDone.incrementAndGet();
        bytesDone.addAndGet(bytes);
    }

    /**
     * A new attempt at the folder (the first, or a retry after a transient failure): what an earlier attempt
     * counted as present, planned, expunged or skipped is taken back, since this attempt finds it all again.
     */
    synchronized void attempt(String folder) {
        FolderAttempts.Attempt a = attempts.restart(folder);
        if (a == null) {
            return;
        }
        long skippedBytes = a.skippedBytes.values().stream().mapToLong(Long::longValue).sum();
        alreadyPresent.addAndGet(-a.present);
        messagesDone.addAndGet(-(a.present + a.otherDone + a.skipped.size()));
        bytesDone.addAndGet(-(a.otherBytes + skippedBytes));
        messagesTotal.addAndGet(-a.planned);
        bytesTotal.addAndGet(-a.plannedBytes);
        a.skipped.forEach(skipped::remove);
        folders.retake(folder, a.present + a.otherDone, a.skipped.size(), skippedBytes, a.planned, a.plannedBytes);
    }

    /** Of the given source ids, how many this run copied into the folder (in an earlier attempt). */
    synchronized long copiedThisRun(String folder, java.util.function.Predicate<String> among) {
        return attempts.of(folder).copiedIds.stream().filter(among::test).count();
    }

    /** A message the destination stored differently from the source (found at copy time or on recovery). */
    synchronized void altered(AlteredItem item) {
        altered.add(item);
    }

    public synchronized List<AlteredItem> altered() {
        return List.copyOf(altered);
    }

    public synchronized List<SkippedItem> skipped() {
        return List.copyOf(skipped);
    }

    /** Something refused that costs no message (a SUBSCRIBE): in the report, not a failure. */
    synchronized void warn(String warning) {
        warnings.add(warning);
    }

    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    void folderDone(String folder) {
        folders.finished(folder);
        foldersDone.incrementAndGet();
        publish(true);
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Publishes a snapshot: always when {@code force}, else at most every 250 ms. */
    public void publish(boolean force) {
        long now = System.nanoTime();
        long last = lastPublished.get();
        if (!force && now - last < 250_000_000L) {
            return;
        }
        if (lastPublished.compareAndSet(last, now) || force) {
            int skippedCount;
            synchronized (this) {
                skippedCount = skipped.size();
            }
            listener.progress(new ProgressSnapshot(foldersDone.get(), foldersTotal.get(), messagesDone.get(),
                    messagesTotal.get(), bytesDone.get(), bytesTotal.get(), copied.get(), skippedCount, elapsed(), folders.snapshot()));
        }
    }

    public long copiedCount() {
        return copied.get();
    }

    public long alreadyPresentCount() {
        return alreadyPresent.get();
    }

    public long flagsUpdatedCount() {
        return flagsUpdated.get();
    }

    public long removedCount() {
        return removed.get();
    }

    public long bytesCopied() {
        return bytesCopied.get();
    }
}
