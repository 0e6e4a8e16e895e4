package org.mailmigrator.core.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mailmigrator.core.engine.SkippedItem;

/**
 * What the current attempt at each folder has added to the run's totals. A folder retried after a dropped link
 * is listed again from the start: without this, the messages the failed attempt copied would be counted once
 * as copied and once more as "already present", and the folder's total and its skips twice. Only the copies
 * stay: they happened. Guarded by the {@link Counters} that owns it.
 */
final class FolderAttempts {
    /** One attempt's additions; {@code copiedIds} are this run's copies across all attempts. */
    static final class Attempt {
        long present;
        long planned;
        long plannedBytes;
        long otherDone;
        long otherBytes;
        final List<SkippedItem> skipped = new ArrayList<>();
        final Map<SkippedItem, Long> skippedBytes = new HashMap<>();
        final Set<String> copiedIds = new HashSet<>();
    }

    private final Map<String, Attempt> folders = new HashMap<>();

    Attempt of(String folder) {
        return folders.computeIfAbsent(folder, k -> new Attempt());
    }

    /** Starts a new attempt at the folder; returns what the previous one added (to take back), or null. */
    Attempt restart(String folder) {
        Attempt previous = folders.get(folder);
        Attempt next = new Attempt();
        if (previous != null) {
            next.copiedIds.addAll(previous.copiedIds);
        }
        folders.put(folder, next);
        return previous;
    }
}
