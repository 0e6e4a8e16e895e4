package org.mailmigrator.connector.pop3.internal;

import java.util.Properties;

import org.eclipse.angus.mail.pop3.POP3Folder;
import org.eclipse.angus.mail.pop3.POP3Store;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;
import org.mailmigrator.core.spi.SignIn;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;

/**
 * POP3 sign-in with an OAuth2 bearer token: {@code AUTH XOAUTH2} with the initial response (RFC 5034), through Angus
 * Mail's own XOAUTH2 authenticator, which is the only mechanism asked for, so Angus never falls back to USER/PASS
 * with the token as a password. Angus's POP3 provider has no OAUTHBEARER (and no SASL plug-in point): that choice is
 * refused before connecting. A token the server refuses is renewed once; a second refusal ends with a message that
 * names the token's source and the likely causes, never the token. The maildrop is read on the one connection of the
 * store, so a run needs one token (POP3 has no per-folder connections to renew it for).
 */
final class Pop3Bearer {
    private Pop3Bearer() {
    }

    /** @throws ConnectorException.AccountFailure for a mechanism POP3 cannot offer here */
    static void configure(Properties props, String prefix, SignIn.Bearer bearer, Pop3Settings s)
            throws ConnectorException.AccountFailure {
        if (bearer.mechanism() != SignIn.Mechanism.XOAUTH2) {
            throw new ConnectorException.AccountFailure("POP3 sign-in for " + s.describe() + " supports OAuth2 only "
                    + "through SASL XOAUTH2 (Angus Mail's POP3 has no " + bearer.mechanism() + "): use auth xoauth2",
                    Reason.CONFIGURATION, null);
        }
        props.put(prefix + "auth.mechanisms", "XOAUTH2");
        props.put(prefix + "auth.xoauth2.disable", "false");
    }

    /**
     * Signs in and opens the maildrop (read only): Angus reports a refused XOAUTH2 exchange only at the first command
     * after it (Dovecot answers STAT with {@code -ERR [AUTH] Authentication failed.}), so the sign-in counts as done
     * once the maildrop is open, and an {@code [AUTH]} answer (RFC 3206) is a refused token.
     */
    static POP3Folder connect(POP3Store store, Pop3Settings s, SignIn.Bearer bearer) throws MessagingException,
            ConnectorException {
        Secret token = bearer.tokens().accessToken();
        for (boolean renewed = false;; renewed = true) {
            try {
                return connect(store, s, token);
            } catch (AuthenticationFailedException refused) {
                refusedForLackOfXoauth2(refused, s);
                if (renewed) {
                    throw refused(s, bearer, refused, null);
                }
                try {
                    token = bearer.tokens().refresh(token);
                } catch (ConnectorException.AccountFailure cannot) {
                    throw refused(s, bearer, refused, cannot.getMessage());
                }
            }
        }
    }

    private static POP3Folder connect(POP3Store store, Pop3Settings s, Secret token) throws MessagingException {
        char[] t = token.reveal();
        try {
            store.connect(s.host(), s.port(), s.login(), new String(t));
        } finally {
            java.util.Arrays.fill(t, '\0');
        }
        POP3Folder inbox = (POP3Folder) store.getFolder(Pop3Session.INBOX);
        try {
            inbox.open(Folder.READ_ONLY);
            return inbox;
        } catch (MessagingException e) {
            if (!Pop3Failures.mentions(e, "[AUTH]")) {
                throw e;
            }
            try {
                store.close();
            } catch (MessagingException | RuntimeException closing) {
                // the refusal is what matters
            }
            throw new AuthenticationFailedException(Pop3Failures.root(e));
        }
    }

    /** Angus's words when the server's CAPA lists no {@code SASL XOAUTH2}: said plainly, and not retried. */
    private static void refusedForLackOfXoauth2(AuthenticationFailedException e, Pop3Settings s)
            throws ConnectorException.AccountFailure {
        if (String.valueOf(e.getMessage()).contains("No authentication mechanisms supported")) {
            throw new ConnectorException.AccountFailure(s.describe() + " does not offer SASL XOAUTH2 (its CAPA has no "
                    + "\"SASL ... XOAUTH2\"), so it cannot take an OAuth2 sign-in; use the account's password",
                    Reason.AUTHENTICATION, e);
        }
    }

    private static ConnectorException.AccountFailure refused(Pop3Settings s, SignIn.Bearer bearer,
            AuthenticationFailedException e, String why) {
        String server = Pop3Failures.server(e.getMessage());
        return new ConnectorException.AccountFailure("login refused for " + s.describe() + ": the server did not accept "
                + "the OAuth2 access token (XOAUTH2) from " + bearer.tokens().describe()
                + (why != null ? "; " + why : ", not even a renewed one: it is expired, revoked, issued for another "
                        + "user or signed with a key the server does not trust")
                + (server.isBlank() ? "" : " (server: " + server + ")"), Reason.AUTHENTICATION, e);
    }
}
