package org.mailmigrator.connector.imap.internal;

import java.util.Properties;

import org.eclipse.angus.mail.imap.IMAPStore;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;
import org.mailmigrator.core.spi.SignIn;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;

/**
 * IMAP sign-in with an OAuth2 bearer token (SASL XOAUTH2 or OAUTHBEARER through {@link BearerSasl}). Every new
 * connection of the store (each opened folder has its own) asks the token source again through the session's
 * authenticator ({@code forcepasswordrefresh}), so a run longer than a token's life signs in with a renewed one.
 * A token the server refuses at the first login is renewed once; a second refusal ends with a message that
 * names the token's source and the likely causes, never the token.
 */
final class BearerLogin {
    /** Session property read by {@link TolerantProtocol}: never fall back to LOGIN with a token as password. */
    static final String MARKER = "mailmigrator.bearer";

    private BearerLogin() {
    }

    static void configure(Properties props, String prefix, SignIn.Bearer bearer) {
        BearerSasl.install();
        String mech = bearer.mechanism().name();
        props.put(prefix + "sasl.enable", "true");
        props.put(prefix + "sasl.mechanisms", mech);
        props.put(prefix + "auth.mechanisms", mech);
        props.put(prefix + "auth.xoauth2.disable", "true"); // Angus's own XOAUTH2 takes the token as is: ours renews
        props.put(prefix + "forcepasswordrefresh", "true");
        props.put(MARKER, mech);
    }

    /**
     * Hands every new connection the source's current token, once the store signed in: before that, jakarta.mail
     * would ask it to retry a refused first login with the same token ({@link #connect} renews instead).
     */
    static Tokens authenticator(SignIn.Bearer bearer) {
        return new Tokens(bearer);
    }

    /** The session's authenticator: the token source's current token for each new folder connection. */
    static final class Tokens extends Authenticator {
        private final SignIn.Bearer bearer;
        private volatile boolean signedIn;

        Tokens(SignIn.Bearer bearer) {
            this.bearer = bearer;
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            if (!signedIn) {
                return null;
            }
            try {
                char[] t = bearer.tokens().accessToken().reveal();
                return new PasswordAuthentication(getDefaultUserName(), new String(t));
            } catch (ConnectorException e) {
                return null; // the connection then fails its login, reported as such
            }
        }
    }

    static void connect(IMAPStore store, ImapSettings s, SignIn.Bearer bearer, Tokens tokens) throws MessagingException,
            ConnectorException {
        connect(store, s, bearer);
        tokens.signedIn = true;
    }

    private static void connect(IMAPStore store, ImapSettings s, SignIn.Bearer bearer) throws MessagingException,
            ConnectorException {
        Secret token = bearer.tokens().accessToken();
        try {
            connect(store, s, token);
        } catch (AuthenticationFailedException first) {
            Secret fresh;
            try {
                fresh = bearer.tokens().refresh(token);
            } catch (ConnectorException.AccountFailure cannot) {
                throw refused(s, bearer, first, cannot.getMessage());
            }
            try {
                connect(store, s, fresh);
            } catch (AuthenticationFailedException second) {
                throw refused(s, bearer, second, null);
            }
        }
    }

    private static void connect(IMAPStore store, ImapSettings s, Secret token) throws MessagingException {
        char[] t = token.reveal();
        try {
            store.connect(s.host(), s.port(), s.login(), new String(t));
        } finally {
            java.util.Arrays.fill(t, '\0');
        }
    }

    private static ConnectorException.AccountFailure refused(ImapSettings s, SignIn.Bearer bearer,
            AuthenticationFailedException e, String why) {
        String server = ServerText.clean(e.getMessage());
        return new ConnectorException.AccountFailure("login refused for " + s.describe() + ": the server did not accept "
                + "the OAuth2 access token (" + bearer.mechanism() + ") from " + bearer.tokens().describe()
                + (why != null ? "; " + why : ", not even a renewed one: it is expired, revoked, issued for another "
                        + "user or signed with a key the server does not trust")
                + (server.isBlank() ? "" : " (server: " + server + ")"), Reason.AUTHENTICATION, e);
    }
}
