package org.mailmigrator.batch.store;

import java.util.Optional;

/**
 * Sealed passwords by credential key ({@code batch/id/source}...): bytes the secret vault sealed, never the
 * password itself. Written together with the definitions that name them ({@link BatchDefinitions}).
 */
public interface CredentialStore {

    Optional<byte[]> sealedCredential(String key) throws BatchStoreException;
}
