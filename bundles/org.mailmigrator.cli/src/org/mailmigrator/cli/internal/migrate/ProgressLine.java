package org.mailmigrator.cli.internal.migrate;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.ProgressSnapshot;

/**
 * The live progress line on standard error: folders, messages, MB, rate, ETA. Rewritten in place on a
 * terminal; on a pipe or log file one line every few seconds, so logs stay readable.
 */
final class ProgressLine implements MigrationListener {
    private final PrintWriter err;
    private final boolean terminal;
    private long lastLine;

    ProgressLine(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void progress(ProgressSnapshot s) {
        long now = System.nanoTime();
        boolean last = s.foldersTotal() > 0 && s.foldersDone() == s.foldersTotal();
        if (!terminal && !last && now - lastLine < 5_000_000_000L) {
            return;
        }
        lastLine = now;
        String line = format(s);
        if (terminal) {
            err.print("\r" + line + (last ? "\n" : ""));
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

    static String format(ProgressSnapshot s) {
        double seconds = Math.max(s.elapsed().toMillis(), 1) / 1000.0;
        Duration eta = s.eta();
        return String.format(Locale.ROOT, "folders %d/%d  messages %d/%d  %.1f/%.1f MB  %.0f msg/s  %.1f MB/s  ETA %s",
                s.foldersDone(), s.foldersTotal(), s.messagesDone(), s.messagesTotal(), s.bytesDone() / 1e6,
                s.bytesTotal() / 1e6, s.messagesPerSecond(), s.bytesDone() / 1e6 / seconds,
                eta == null ? "-" : String.format(Locale.ROOT, "%d:%02d", eta.toMinutes(), eta.toSecondsPart()));
    }
}
