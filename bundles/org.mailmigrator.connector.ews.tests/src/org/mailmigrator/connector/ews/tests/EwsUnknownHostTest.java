package org.mailmigrator.connector.ews.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mailmigrator.connector.ews.EwsConnector;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * An Exchange server whose name does not resolve ({@code .invalid}, RFC 6761: never resolves) stops the account with
 * the words of every connector: "no such host HOST (DNS)", a connection failure naming the login and the URL.
 */
class EwsUnknownHostTest {

    @Test
    void anUnresolvableServerIsNoSuchHost() {
        Map<String, String> s = new HashMap<>(Map.of("url", "https://ews.nosuch.invalid/EWS/Exchange.asmx", "login", "u2"));
        Throwable thrown = null;
        try {
            new EwsConnector().open(new Account("ews", s, null), Role.DESTINATION, ConnectContext.of(Secret.of("pw"))).close();
        } catch (Throwable t) {
            thrown = t;
        }
        assertTrue(thrown instanceof ConnectorException.AccountFailure, String.valueOf(thrown));
        ConnectorException.AccountFailure f = (ConnectorException.AccountFailure) thrown;
        assertEquals(ConnectorException.AccountFailure.Reason.CONNECTION, f.reason());
        assertEquals("no such host ews.nosuch.invalid (DNS) for u2 at https://ews.nosuch.invalid/EWS/Exchange.asmx: check the "
                + "server name", f.getMessage());
    }
}
