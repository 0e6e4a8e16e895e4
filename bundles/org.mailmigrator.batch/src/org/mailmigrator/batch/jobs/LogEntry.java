package org.mailmigrator.batch.jobs;

import java.time.Instant;

/**
 * One line of a migration's log in this process: a status change (with its error) or an engine message
 * (folder created, message skipped, retry). Never holds a secret: the engine and the job manager name
 * accounts by login@host only.
 */
public record LogEntry(Instant at, boolean error, String message) {
}
