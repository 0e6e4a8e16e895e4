package org.mailmigrator.auth.internal;

import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;
import org.mailmigrator.core.spi.SignIn;

/**
 * An access token given as is (a token file, a CSV cell, imapsync's --oauthaccesstoken): nothing can renew it,
 * so a refused token ends the sign-in with a message that says what to do.
 */
public final class FixedToken implements SignIn.TokenSource {
    private final Secret token;
    private final String where;

    public FixedToken(Secret token, String where) {
        this.token = token;
        this.where = where;
    }

    @Override
    public Secret accessToken() {
        return token;
    }

    @Override
    public Secret refresh(Secret refused) throws ConnectorException {
        throw new ConnectorException.AccountFailure("the access token in " + where + " was refused (expired, revoked, "
                + "for another user or signed with a key the server does not trust) and cannot be renewed: give a new "
                + "one, or a service account key or refresh token that can renew it", Reason.AUTHENTICATION, null);
    }

    @Override
    public String describe() {
        return "the access token in " + where;
    }
}
