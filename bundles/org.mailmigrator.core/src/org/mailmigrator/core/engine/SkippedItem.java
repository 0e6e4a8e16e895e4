package org.mailmigrator.core.engine;

import java.time.Instant;

/** A message that was not copied, with what an administrator needs to find it and the reason. */
public record SkippedItem(String folder, long uid, String subject, Instant date, long size, String reason) {
}
