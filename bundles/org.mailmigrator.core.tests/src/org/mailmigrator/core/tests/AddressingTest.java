package org.mailmigrator.core.tests;

import org.eclipse.core.runtime.RegistryFactory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mailmigrator.core.connector.Addressing;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.connector.UrlScheme;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.ItemKind;

/**
 * Connectors own their addressing: the endpoint, login and URL schemes declared by the test-only bundle
 * org.mailmigrator.testing.connectors (setting ids chosen unlike IMAP's, so that nothing can guess them).
 */
class AddressingTest {
    private final ConnectorRegistry registry = new ConnectorRegistry(RegistryFactory.getRegistry());

    @Test
    void aHostEndpointGivesTheHostAndTheLoginOfAnAccount() {
        ConnectorDescriptor c = registry.find("test.addressed").orElseThrow();
        Account a = new Account("test.addressed", Map.of("server", "Mail.Example.TEST", "user", "alice"), null);
        assertEquals(Optional.of("mail.example.test"), c.endpointHost(a), "lower-case: one limit per host, whatever the case");
        assertEquals(Optional.of("alice"), c.login(a));
        Account empty = new Account("test.addressed", Map.of("host", "not-this-one", "login", "nor-this"), null);
        assertEquals(Optional.empty(), c.endpointHost(empty), "only the declared setting is the endpoint");
        assertEquals(Optional.empty(), c.login(empty));
    }

    @Test
    void aUrlEndpointGivesTheHostOfTheUrlAndIsFoundWithoutAnEndpointAttribute() {
        ConnectorDescriptor c = registry.find("test.web").orElseThrow();
        assertEquals("address", c.addressing().endpoint().orElseThrow().id(), "the first url setting, when none is named");
        Account a = new Account("test.web", Map.of("address", "https://dav.example.test:8443/a/b/", "user", "bob"), null);
        assertEquals(Optional.of("dav.example.test"), c.endpointHost(a));
        Account broken = new Account("test.web", Map.of("address", "::not a url", "user", "bob"), null);
        assertEquals(Optional.empty(), c.endpointHost(broken));
    }

    @Test
    void aUrlOfAHostSchemeFillsTheDeclaredSettings() {
        ConnectorDescriptor c = registry.forScheme("ECHO").orElseThrow();
        assertEquals("test.addressed", c.id());
        Account a = c.parse(URI.create("echo://alice%40example.org@mail.example.test"), false);
        assertEquals(Map.of("server", "mail.example.test", "tcpPort", "7", "user", "alice@example.org", "mode", "loud"),
                a.settings(), "the scheme's port and settings, the decoded login");
        assertEquals("alice@example.org@mail.example.test", a.credential().key());
        assertEquals("8", c.parse(URI.create("echo://alice@host:8"), false).setting("tcpPort").orElseThrow());
        UrlScheme echo = c.schemes().get(0);
        assertEquals("echo:// (test)", echo.shown());
        assertEquals(Set.of(ItemKind.MAIL), echo.kinds(), "the connector's kinds when the scheme names none");
    }

    @Test
    void aUrlOfAUrlSchemeFillsTheEndpointWithTheUrlAfterThePrefix() {
        ConnectorDescriptor c = registry.forScheme("web+https").orElseThrow();
        Account a = c.parse(URI.create("web+https://bob@dav.example.test:8443/cal/bob"), false);
        assertEquals(Map.of("address", "https://dav.example.test:8443/cal/bob", "user", "bob"), a.settings());
        assertEquals("https://dav.example.test/", c.parse(URI.create("web+https://bob@dav.example.test"), false)
                .setting("address").orElseThrow(), "a URL without a path is the server's root");
        assertEquals(Set.of(ItemKind.CONTACTS), c.addressing().scheme("web+https").orElseThrow().kinds());
        UrlScheme http = c.addressing().scheme("web+http").orElseThrow();
        assertTrue(http.plaintext());
        assertEquals(Optional.of("true"), c.parse(URI.create("web+http://bob@h/x"), true).setting("clear"));
        assertEquals(Optional.empty(), c.parse(URI.create("web+http://bob@h/x"), false).setting("clear"));
    }

    @Test
    void aUrlWithoutLoginOrHostSaysTheExpectedShape() {
        ConnectorDescriptor echo = registry.find("test.addressed").orElseThrow();
        var noLogin = assertThrows(IllegalArgumentException.class, () -> echo.parse(URI.create("echo://host"), false));
        assertEquals("needs a login and a host: echo://LOGIN@HOST[:PORT] (write '@' in a login as %40)", noLogin.getMessage());
        ConnectorDescriptor web = registry.find("test.web").orElseThrow();
        var noHost = assertThrows(IllegalArgumentException.class, () -> web.parse(URI.create("web+https://bob@/x"), false));
        assertEquals("needs a login and a host: web+https://LOGIN@HOST/PATH (write '@' in a login as %40)", noHost.getMessage());
        URI secret = URI.create("echo://alice:hunter2@host");
        assertTrue(Addressing.holdsPassword(secret));
        var password = assertThrows(IllegalArgumentException.class, () -> echo.parse(secret, false));
        assertFalse(password.getMessage().contains("hunter2"), password.getMessage());
    }

    @Test
    void aConnectorWithoutAddressingHasNoEndpointAndNoScheme() {
        ConnectorDescriptor unloadable = registry.find("test.unloadable").orElseThrow();
        assertEquals(Addressing.NONE, unloadable.addressing());
        assertEquals(List.of(), unloadable.schemes());
        assertTrue(registry.forScheme("gopher").isEmpty());
    }

    @Test
    void wrongAddressingSkipsTheConnectorAndSaysWhy() {
        assertTrue(registry.find("test.bad-endpoint").isEmpty());
        assertTrue(registry.find("test.bad-scheme").isEmpty());
        List<String> problems = registry.problems();
        assertTrue(problems.stream().anyMatch(p -> p.contains("'test.bad-endpoint'")
                && p.contains("endpoint 'user' is of type string, not host, url or file")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("'test.bad-scheme'")
                && p.contains("scheme 'bad': setting 'colour' is not a declared setting")), problems.toString());
    }
}
