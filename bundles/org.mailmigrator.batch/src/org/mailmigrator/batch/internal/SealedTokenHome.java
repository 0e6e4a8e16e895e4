package org.mailmigrator.batch.internal;

import java.io.IOException;

import org.mailmigrator.auth.TokenHome;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.store.CredentialStore;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;

/**
 * A batch row's credential sealed in the store as the home of its refresh token: a token the provider rotates is
 * sealed by the vault and replaces the stored one (one transaction) before the new access token is used, so that
 * the row's next pass, its calendar/contacts legs and the editor's checks send the token the provider now expects.
 * Messages name the credential's key, never its content.
 */
record SealedTokenHome(CredentialStore store, SecretVault vault, String key) implements TokenHome {

    @Override
    public Secret read() throws ConnectorException {
        try {
            byte[] sealed = store.sealedCredential(key).orElseThrow(() -> new IOException("it is no longer stored"));
            return vault.open(key, sealed);
        } catch (BatchStoreException | IOException e) {
            throw new ConnectorException.AccountFailure("cannot read " + this + ": " + e.getMessage(), Reason.CONFIGURATION,
                    null);
        }
    }

    @Override
    public void write(Secret json) throws ConnectorException {
        try {
            store.replaceCredential(key, vault.seal(key, json));
        } catch (BatchStoreException | RuntimeException e) {
            // the provider has replaced the old token: going on would leave a credential that no longer signs in
            throw new ConnectorException.AccountFailure("the provider issued a new refresh token, but " + this
                    + " cannot be replaced (" + e.getMessage() + "); the one stored may no longer work: sign in again and"
                    + " give the row its new token file", Reason.CONFIGURATION, null);
        }
    }

    @Override
    public Object lock() {
        return store.credentialLock(key);
    }

    @Override
    public String toString() {
        return "the stored credential " + key;
    }
}
