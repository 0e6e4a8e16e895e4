package org.mailmigrator.core.engine;

import java.util.List;
import java.util.Map;

/**
 * What a run from a Gmail-like source did, counted by Gmail message (X-GM-MSGID) and by placement (a message in
 * one destination folder: one per label kept as a folder, Archive for a message with no other label). The
 * completeness check after the run proves, from the copy records, that every message arrived in every folder of
 * its labels; {@code missing} names those that did not, with the reason.
 *
 * @param messages distinct Gmail messages of the migrated folders
 * @param placements the destination folders they must be in, counted per message
 * @param uploaded messages sent to the destination in this run (each once)
 * @param copiedOnServer placements made in this run by copying an uploaded message on the destination server
 *     (IMAP UID COPY), without sending it again
 * @param serverCopy false when the destination cannot copy on the server: each placement was uploaded
 * @param missing placements not on the destination after the run, each "folder: X-GM-MSGID n (reason)"
 * @param expectedByFolder destination folder to the number of messages placed there: what a per-folder
 *     completeness check compares the destination's count with (Archive holds only All Mail's messages without
 *     another label, not All Mail's count)
 */
public record GmailSummary(long messages, long placements, long uploaded, long copiedOnServer, boolean serverCopy,
        List<String> missing, Map<String, Long> expectedByFolder) {
    public GmailSummary {
        missing = List.copyOf(missing);
        expectedByFolder = Map.copyOf(expectedByFolder);
    }

    /** Placements present on the destination after the run. */
    public long placed() {
        return placements - missing.size();
    }
}
