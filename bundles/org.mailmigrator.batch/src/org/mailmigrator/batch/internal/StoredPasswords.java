package org.mailmigrator.batch.internal;

import org.mailmigrator.batch.PimLeg;
import org.mailmigrator.batch.run.PassRequest;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.core.model.Secret;

/** A batch row's passwords, opened from the store's sealed credentials when the pass needs each one. */
record StoredPasswords(JobServices services, Migration migration) implements PassRequest.Passwords {

    @Override
    public Secret source() throws Exception {
        return new Sealing(services.store(), services.vault()).credentials(migration).source();
    }

    @Override
    public Secret destination() throws Exception {
        return new Sealing(services.store(), services.vault()).credentials(migration).destination();
    }

    @Override
    public java.util.Optional<org.mailmigrator.auth.TokenHome> home(org.mailmigrator.core.model.Role role) {
        // a refresh is one per credential across the processes of a shared store (SealedTokenHome)
        return java.util.Optional.of(new SealedTokenHome(services.store(), services.vault(), (role
                == org.mailmigrator.core.model.Role.SOURCE ? migration.source() : migration.destination()).credential()
                .key(), services.limiter().shared().orElse(null)));
    }

    @Override
    public Secret leg(PimLeg leg) throws Exception {
        return new Sealing(services.store(), services.vault()).password(leg);
    }
}
