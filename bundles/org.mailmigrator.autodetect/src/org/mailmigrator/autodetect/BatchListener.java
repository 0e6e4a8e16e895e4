package org.mailmigrator.autodetect;

/**
 * Hears a batch as it goes, and may stop it: what a workbench job turns into progress and cancellation. Called
 * from the batch's worker threads.
 */
public interface BatchListener {

    /** Hears nothing, never cancels. */
    BatchListener NONE = new BatchListener() {
    };

    /** One domain's lookup is over; {@code done} of the batch's {@code total} domains are. */
    default void domainDone(String domain, Detection detection, int done, int total) {
    }

    /** Asked before each domain's lookup starts; true leaves that domain and the following ones undetected. */
    default boolean cancelled() {
        return false;
    }
}
