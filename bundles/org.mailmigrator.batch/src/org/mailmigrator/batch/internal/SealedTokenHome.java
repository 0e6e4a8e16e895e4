package org.mailmigrator.batch.internal;

import java.io.IOException;
import java.time.Duration;

import org.mailmigrator.auth.TokenHome;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.store.CredentialStore;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;
import org.mailmigrator.core.state.SharedLimits;
import org.mailmigrator.core.state.StateException;

/**
 * A batch row's credential sealed in the store as the home of its refresh token: a token the provider rotates is
 * sealed by the vault and replaces the stored one (one transaction) before the new access token is used, so that
 * the row's next pass, its calendar/contacts legs and the editor's checks send the token the provider now expects.
 * Messages name the credential's key, never its content. With {@code shared} (a PostgreSQL state store) a refresh also
 * holds the credential's lock in the database ({@code oauth:KEY}), so that two worker processes never send one refresh
 * token twice; {@code null}: this process only.
 */
record SealedTokenHome(CredentialStore store, SecretVault vault, String key, SharedLimits shared) implements TokenHome {
    /** How long a refresh waits for another process's refresh of the same credential. */
    private static final Duration ACROSS_WAIT = Duration.ofSeconds(120);

    SealedTokenHome(CredentialStore store, SecretVault vault, String key) {
        this(store, vault, key, null);
    }

    @Override
    public Hold acrossProcesses() throws ConnectorException {
        if (shared == null) {
            return () -> { };
        }
        try {
            return shared.lock("oauth:" + key, ACROSS_WAIT)::close;
        } catch (StateException e) {
            throw new ConnectorException.TransientFailure("cannot refresh " + this + " now: " + e.getMessage(), e);
        }
    }

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
