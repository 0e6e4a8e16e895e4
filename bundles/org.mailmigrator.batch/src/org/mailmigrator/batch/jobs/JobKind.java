package org.mailmigrator.batch.jobs;

/** A job family per kind of work, next to the family of its batch ({@link BatchFamily}). */
public enum JobKind {
    MIGRATION, PREFLIGHT
}
