package org.mailmigrator.batch.store;

/** The batch database cannot be read or written; the message names the batch and what failed. */
public class BatchStoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public BatchStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
