package org.mailmigrator.batch.store;

import java.util.Optional;

/**
 * Sealed passwords by credential key ({@code batch/id/source}...): bytes the secret vault sealed, never the
 * password itself. Written together with the definitions that name them ({@link BatchDefinitions}).
 */
public interface CredentialStore {

    Optional<byte[]> sealedCredential(String key) throws BatchStoreException;

    /**
     * Replaces the sealed credential under {@code key} (a refresh token the provider rotated, sealed again), one
     * transaction.
     *
     * @throws BatchStoreException when there is none under that key (the row was removed meanwhile)
     */
    void replaceCredential(String key, byte[] sealed) throws BatchStoreException;

    /**
     * The lock of one credential in this process, the same object for every caller: held while a refresh token is
     * read, exchanged with its provider and written back, so that two token sources never send the same one.
     */
    Object credentialLock(String key);
}
