package org.mailmigrator.connector.files.internal;

import java.time.Instant;
import java.util.Set;

/**
 * One message of an mbox file as a scan found it; the bytes stay in the file.
 *
 * @param id the content id (see {@link MboxScanner}), stable across runs, compaction and appends
 * @param start the offset of the first byte after the {@code From } line
 * @param end the offset just past the message (its separating empty line excluded)
 * @param size the size of the message as it travels (CRLF line ends, mboxrd quoting removed)
 * @param date the arrival date: the {@code From } line's, else {@code Date:}, else null
 * @param deleted marked deleted by Thunderbird but not compacted away yet
 * @param labels the raw {@code X-Gmail-Labels} value (Google Takeout), or null
 * @param problem why the message cannot be copied (truncated, not a message), or null
 * @param literal its Content-Length was trusted (mboxcl2): its lines are copied as stored, never unquoted
 */
record MboxEntry(String id, long start, long end, long size, Instant date, Set<String> flags, boolean deleted,
        String fingerprint, String subject, String labels, String problem, boolean literal) {
}
