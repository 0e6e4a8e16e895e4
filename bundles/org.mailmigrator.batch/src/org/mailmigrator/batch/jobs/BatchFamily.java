package org.mailmigrator.batch.jobs;

/** The job family of every job of one batch: {@code Job.getJobManager().join(new BatchFamily(name), m)}. */
public record BatchFamily(String batch) {
}
