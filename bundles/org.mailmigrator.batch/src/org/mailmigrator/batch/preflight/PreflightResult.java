package org.mailmigrator.batch.preflight;

import java.util.List;
import java.util.Optional;

import org.mailmigrator.core.mail.Quota;

/**
 * What a pre-flight found for one row: source folder, message and byte counts, the largest message, the
 * destination's APPENDLIMIT when it says, the capabilities each side announced after login, the
 * destination's quota (empty when not offered), and the fix list (empty means ready to go). {@code notes}
 * are facts that need no action.
 */
public record PreflightResult(String migrationId, int folders, long messages, long bytes, long largest,
        String largestFolder, Optional<Long> appendLimit, List<String> sourceCapabilities,
        List<String> destinationCapabilities, List<Quota> destinationQuota, List<String> fixes, List<String> notes) {

    public PreflightResult {
        sourceCapabilities = List.copyOf(sourceCapabilities);
        destinationCapabilities = List.copyOf(destinationCapabilities);
        destinationQuota = List.copyOf(destinationQuota);
        fixes = List.copyOf(fixes);
        notes = List.copyOf(notes);
    }

    public boolean ready() {
        return fixes.isEmpty();
    }
}
