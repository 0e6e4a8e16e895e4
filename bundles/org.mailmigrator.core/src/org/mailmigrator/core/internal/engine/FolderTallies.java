package org.mailmigrator.core.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mailmigrator.core.engine.FolderProgress;
import org.mailmigrator.core.engine.FolderProgress.State;

/**
 * The per-folder lines of a run's progress, in plan order. Workers update different folders at once, so every
 * change takes this object's lock; it is held for a few additions only.
 */
final class FolderTallies {
    private static final class Tally {
        long done;
        long total;
        long bytesDone;
        long bytesTotal;
        long skipped;
        State state = State.WAITING;
    }

    private final Map<String, Tally> folders = new LinkedHashMap<>();

    synchronized void plan(List<String> names) {
        names.forEach(n -> folders.computeIfAbsent(n, k -> new Tally()));
    }

    synchronized void planned(String folder, long messages, long bytes) {
        Tally t = tally(folder);
        t.total += messages;
        t.bytesTotal += bytes;
        t.state = State.COPYING;
    }

    synchronized void done(String folder, long messages, long bytes) {
        Tally t = tally(folder);
        t.done += messages;
        t.bytesDone += bytes;
    }

    synchronized void skipped(String folder, long bytes, boolean wholeFolder) {
        Tally t = tally(folder);
        t.skipped++;
        if (wholeFolder) {
            t.state = State.FAILED;
        } else {
            t.done++;
            t.bytesDone += bytes;
        }
    }

    /** Takes back what a failed attempt at the folder counted (its copies stay): the retry counts it again. */
    synchronized void retake(String folder, long done, long skipped, long skippedBytes, long total, long bytesTotal) {
        Tally t = tally(folder);
        t.done -= done + skipped;
        t.bytesDone -= skippedBytes;
        t.skipped -= skipped;
        t.total -= total;
        t.bytesTotal -= bytesTotal;
    }

    synchronized void finished(String folder) {
        Tally t = tally(folder);
        if (t.state != State.FAILED) {
            t.state = State.DONE;
        }
    }

    synchronized List<FolderProgress> snapshot() {
        List<FolderProgress> out = new ArrayList<>(folders.size());
        folders.forEach((n, t) -> out.add(new FolderProgress(n, t.done, t.total, t.bytesDone, t.bytesTotal, t.skipped, t.state)));
        return out;
    }

    private Tally tally(String folder) {
        return folders.computeIfAbsent(folder, k -> new Tally());
    }
}
