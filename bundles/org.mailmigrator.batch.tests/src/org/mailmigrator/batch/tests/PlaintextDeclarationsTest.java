package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mailmigrator.batch.internal.Sessions;
import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * "Allow plaintext" changes in an account what its connector declares ({@code whenPlaintextAllowed} of its URL
 * schemes), for the run, the editor's connection test and the folder preview alike: no setting name is guessed.
 */
class PlaintextDeclarationsTest {
    private final ConnectorRegistry registry = new ConnectorRegistry(Platform.extensions());

    @Test
    void aContributedConnectorGetsTheSettingItDeclaresAndNoOther() {
        Account web = new Account("test.web", Map.of("address", "http://dav.example/u/", "user", "u"), null);
        String allowed = openedWith(web, true);
        assertTrue(allowed.contains("clear=true"), allowed);
        assertFalse(allowed.contains("allowPlaintext"), "a setting the connector does not declare: " + allowed);
        assertFalse(openedWith(web, false).contains("clear="), "nothing changes when plaintext is not allowed");
    }

    @Test
    void imapStarttlsBecomesPlainAndExchangeAllowsHttpAsTheirDeclarationsSay() {
        assertEquals("plain", allowed("imap", Map.of("host", "h", "security", "starttls")).get("security"));
        assertEquals("tls", allowed("imap", Map.of("host", "h", "security", "tls")).get("security"), "TLS stays TLS");
        assertEquals("true", allowed("ews", Map.of("url", "http://h/EWS/Exchange.asmx")).get("allowPlaintext"));
        assertEquals("false", allowed("ews", Map.of("url", "http://h/EWS/Exchange.asmx", "allowPlaintext", "false"))
                .get("allowPlaintext"), "what the person set in the account stays");
    }

    private Map<String, String> allowed(String connector, Map<String, String> settings) {
        Map<String, String> s = new HashMap<>(settings);
        Sessions.plaintextAllowed(registry.find(connector).orElseThrow(), s);
        return s;
    }

    /** The test connector refuses every account with the settings it was given. */
    private String openedWith(Account a, boolean allowPlaintext) {
        return assertThrows(ConnectorException.AccountFailure.class, () -> Sessions.factory(ConnectorFactory.of(registry), a,
                Role.DESTINATION, Secret.of("pw"), RunSettings.defaults().withAllowPlaintext(allowPlaintext)).open()).getMessage();
    }
}
