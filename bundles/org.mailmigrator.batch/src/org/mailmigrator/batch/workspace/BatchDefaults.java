package org.mailmigrator.batch.workspace;

/**
 * The limits a batch gets when nobody says otherwise: {@code batch import} without {@code --parallel} or
 * {@code --per-host}, and the workbench's preferences before they are changed. One place for both.
 */
public record BatchDefaults(int concurrency, int perHost) {
    /** Migrations of a batch run at once. */
    public static final int CONCURRENCY = 4;
    /** Connections to one server host at once, over all the batches of a process. */
    public static final int PER_HOST = 10;

    public BatchDefaults {
        if (concurrency < 1 || perHost < 1) {
            throw new IllegalArgumentException("concurrency and per-host limit must be at least 1");
        }
    }

    public static BatchDefaults standard() {
        return new BatchDefaults(CONCURRENCY, PER_HOST);
    }
}
