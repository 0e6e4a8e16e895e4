package org.mailmigrator.cli.internal.migrate;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.mailmigrator.batch.jobs.ProgressTracker;
import org.mailmigrator.batch.run.PassListener;
import org.mailmigrator.core.engine.ProgressSnapshot;

/**
 * The live progress line on standard error: folders, messages and MB against the totals counted before the
 * pass ({@link ProgressTracker}), rates over a moving window ("-" while unknown: the first seconds of a pass and its
 * last line, as the workbench leaves them blank), ETA from the remaining bytes ("ETA -" while unknown). Rewritten
 * in place on a terminal; on a pipe or log file one line every few seconds, so logs stay readable.
 */
final class ProgressLine implements PassListener {
    private final PrintWriter err;
    private final boolean terminal;
    private final ProgressTracker tracker = new ProgressTracker();
    private long lastLine;

    ProgressLine(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
        tracker.newPass(System.currentTimeMillis());
    }

    /** The folders counted before copying: from here on the line shows their total. */
    @Override
    public synchronized void counted(List<ProgressTracker.Counted> folders) {
        tracker.counted(folders);
        long messages = folders.stream().mapToLong(ProgressTracker.Counted::messages).sum();
        long before = folders.stream().mapToLong(ProgressTracker.Counted::copiedBefore).sum();
        err.println(String.format(Locale.ROOT, "counted %d folder(s), %d message(s) on the source%s", folders.size(),
                messages, before > 0 ? ", " + before + " already copied by earlier runs" : ""));
        err.flush();
    }

    @Override
    public synchronized void progress(ProgressSnapshot s) {
        long nowMs = System.currentTimeMillis();
        tracker.update(s, nowMs);
        tracker.drainNotes().forEach(this::info);
        long now = System.nanoTime();
        boolean last = s.foldersTotal() > 0 && s.foldersDone() == s.foldersTotal();
        if (!terminal && !last && now - lastLine < 5_000_000_000L) {
            return;
        }
        lastLine = now;
        String line = format(tracker.figures(nowMs, !last));
        if (terminal) {
            err.print("\r\033[K" + line + (last ? "\n" : ""));
        } else {
            err.println(line);
        }
        err.flush();
    }

    @Override
    public synchronized void info(String message) {
        if (terminal) {
            err.print("\r\033[K");
        }
        err.println(message);
        err.flush();
    }

    static String format(ProgressTracker.Figures f) {
        String total = f.bytesRemaining() < 0 ? "?" : String.format(Locale.ROOT, "%.1f", (f.bytesDone() + f.bytesRemaining()) / 1e6);
        String rates = f.bytesPerSecond() <= 0 ? "- msg/s  - MB/s"
                : String.format(Locale.ROOT, "%.0f msg/s  %.2f MB/s", f.messagesPerSecond(), f.bytesPerSecond() / 1e6);
        return String.format(Locale.ROOT, "folders %d/%d  messages %d/%d (%s)  %.1f/%s MB  %s  ETA %s",
                f.foldersDone(), f.foldersTotal(), f.messagesDone(), f.messagesTotal(),
                f.percent() < 0 ? "-" : f.percent() + " %", f.bytesDone() / 1e6, total, rates, eta(f.eta()));
    }

    static String eta(Optional<Duration> eta) {
        if (eta.isEmpty()) {
            return "-";
        }
        Duration d = eta.get();
        return d.toHours() > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
