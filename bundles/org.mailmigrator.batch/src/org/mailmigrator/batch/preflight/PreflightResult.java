package org.mailmigrator.batch.preflight;

import java.util.List;
import java.util.Optional;

/**
 * What a pre-flight found for one row: source folder, message and byte counts, the largest message, the
 * destination's APPENDLIMIT when it says, and the fix list (empty means ready to go). {@code notes} are
 * facts that need no action.
 */
public record PreflightResult(String migrationId, int folders, long messages, long bytes, long largest,
        String largestFolder, Optional<Long> appendLimit, List<String> fixes, List<String> notes) {

    public PreflightResult {
        fixes = List.copyOf(fixes);
        notes = List.copyOf(notes);
    }

    public boolean ready() {
        return fixes.isEmpty();
    }
}
