package org.mailmigrator.connector.pop3;

import org.mailmigrator.connector.pop3.internal.Pop3Session;
import org.mailmigrator.connector.pop3.internal.Pop3Settings;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.core.spi.SignIn;

/**
 * The POP3 connector, a mail source only, on Angus Mail. Sessions offer {@link org.mailmigrator.core.mail.MailStore}
 * with the one folder POP3 has (INBOX); nothing is ever deleted on the server. Signs in with the account's password
 * or an OAuth2 access token (SASL XOAUTH2).
 */
public final class Pop3Connector implements Connector {

    @Override
    public ConnectorSession open(Account account, Role role, ConnectContext context) throws ConnectorException {
        Pop3Settings settings = Pop3Settings.of(account);
        if (role != Role.SOURCE) {
            throw new ConnectorException.AccountFailure("POP3 can only be a source: " + settings.describe()
                    + " cannot receive messages", Reason.CONFIGURATION, null);
        }
        SignIn signIn = context.signIn().orElseThrow(() -> new ConnectorException.AccountFailure(
                "no password given for " + settings.describe(), Reason.AUTHENTICATION, null));
        return Pop3Session.open(settings, signIn, context); // a password, or an OAuth2 token through XOAUTH2
    }
}
