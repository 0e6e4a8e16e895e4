package org.mailmigrator.batch.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.auth.SignIns;
import org.mailmigrator.auth.TokenHome;
import org.mailmigrator.batch.PimLeg;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.SignIn;

/**
 * How a calendar/contacts leg signs in when the row's mail side signs in with OAuth2 (docs/sign-in.md): with the
 * same secret (service account key, refresh token, access token) as a bearer token source of its own, asking only
 * the leg's scope (Google Calendar or CardDAV, Graph's, Exchange's for an EWS leg) unless the account names its
 * scopes; the DAV, Graph or EWS connector then sends the current token with each request. A row whose mail side
 * signs in with a password keeps the password path.
 */
final class LegSignIn {
    static final String CALENDAR_SCOPE = "https://www.googleapis.com/auth/calendar";
    static final String CONTACTS_SCOPE = "https://www.googleapis.com/auth/carddav";

    private LegSignIn() {
    }

    /** Whether the row's mail account {@code mail} signs in with OAuth2 (setting {@value SignIns#AUTH}). */
    static boolean oauth(Account mail) {
        try {
            return mail != null && SignIns.mechanism(mail.settings().get(SignIns.AUTH)).isPresent();
        } catch (IllegalArgumentException e) {
            return false; // the mail pass reports the wrong value
        }
    }

    /**
     * The context of a leg's account: {@code mail}'s OAuth2 sign-in with {@code secret} when {@code mail} has one,
     * else {@code secret} as a password.
     *
     * @param login the leg's own login (a service account key signs in as this mailbox)
     * @param home where {@code secret} is kept (a rotated refresh token is written back there)
     */
    static ConnectContext of(Account mail, String login, Secret secret, Optional<TokenHome> home, PimLeg.Kind kind,
            String where) throws ConnectorException.AccountFailure {
        return of(mail, login, secret, home, kind, where, "dav");
    }

    /**
     * As {@link #of(Account, String, Secret, Optional, PimLeg.Kind, String)}; {@code service} is the protocol the leg
     * speaks: {@code graph} (Microsoft Graph, whose app-only token asks for
     * {@value org.mailmigrator.auth.ClientCredentials#GRAPH_SCOPE}; the mail side's scopes are Exchange Online's),
     * {@code ews} (Exchange Web Services: the mail side's scopes, else
     * {@value org.mailmigrator.auth.ClientCredentials#EXCHANGE_SCOPE}, the same token an EWS mail leg uses), anything
     * else a CalDAV/CardDAV server (the leg's Google scope unless the account names its scopes).
     */
    static ConnectContext of(Account mail, String login, Secret secret, Optional<TokenHome> home, PimLeg.Kind kind,
            String where, String service) throws ConnectorException.AccountFailure {
        if (!oauth(mail)) {
            return ConnectContext.of(secret);
        }
        Map<String, String> s = new HashMap<>(mail.settings());
        if (service.equals("graph")) {
            s.put(SignIns.SCOPES, org.mailmigrator.auth.ClientCredentials.GRAPH_SCOPE);
        } else if (service.equals("ews")) {
            s.merge(SignIns.SCOPES, org.mailmigrator.auth.ClientCredentials.EXCHANGE_SCOPE, (own, exchange) -> own.isBlank() ? exchange : own);
        }
        s.putIfAbsent(SignIns.SCOPES, kind == PimLeg.Kind.CALENDAR ? CALENDAR_SCOPE : CONTACTS_SCOPE);
        Optional<SignIn> signIn;
        try {
            signIn = SignIns.of(s, login, secret, where, home);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException.AccountFailure(e.getMessage(),
                    ConnectorException.AccountFailure.Reason.CONFIGURATION, null);
        }
        ConnectContext plain = ConnectContext.of(secret);
        return signIn.filter(SignIn.Bearer.class::isInstance).map(b -> ConnectContext.of(b, plain)).orElse(plain);
    }
}
