package org.mailmigrator.core.tests;

import org.eclipse.core.runtime.RegistryFactory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.connector.SettingDescriptor;
import org.mailmigrator.core.connector.SettingType;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.Connector;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/** The registry over the real extension registry, fed by the test-only bundle org.mailmigrator.testing.connectors. */
class ConnectorRegistryTest {

    private final ConnectorRegistry registry = new ConnectorRegistry(RegistryFactory.getRegistry());

    @Test
    void readsTheDeclarationOfAValidConnector() {
        ConnectorDescriptor echo = registry.find("test.echo").orElseThrow();
        assertEquals("Echo (test)", echo.name());
        assertEquals("org.mailmigrator.testing.connectors", echo.contributor());
        assertEquals(Set.of(Role.SOURCE, Role.DESTINATION), echo.roles());
        assertEquals(Set.of(ItemKind.MAIL, ItemKind.CALENDAR), echo.kinds());
        assertEquals(List.of("host", "port", "security", "login", "password"),
                echo.settings().stream().map(SettingDescriptor::id).toList());
        SettingDescriptor port = echo.setting("port").orElseThrow();
        assertEquals(SettingType.PORT, port.type());
        assertEquals(Optional.of("993"), port.defaultValue());
        SettingDescriptor security = echo.setting("security").orElseThrow();
        assertEquals(List.of("tls", "starttls", "plain"), security.choices());
        assertTrue(echo.setting("password").orElseThrow().secret(), "a secret-typed setting is secret");
        assertTrue(echo.setting("host").orElseThrow().required());
        assertEquals("host*, port=993, security=tls, login*, password* (secret)", echo.settingsText());
    }

    @Test
    void skipsEachBrokenContributionWithItsReasonAndKeepsTheOthers() {
        List<String> ids = registry.connectors().stream().map(ConnectorDescriptor::id).toList();
        assertTrue(ids.containsAll(List.of("test.echo", "test.unloadable")), ids.toString());
        for (String broken : List.of("test.bad-role", "test.no-name", "test.bad-setting")) {
            assertTrue(registry.find(broken).isEmpty(), broken + " must be skipped");
        }
        List<String> problems = registry.problems();
        assertEquals(6, problems.size(), problems.toString()); // two more with wrong addressing: AddressingTest
        assertContains(problems, "test.bad-role", "unknown role 'sink'");
        assertContains(problems, "test.no-name", "attribute 'name' is missing");
        assertContains(problems, "test.bad-setting", "unknown setting type 'colour'");
        assertContains(problems, "test.echo", "already contributed");
        assertEquals("Echo (test)", registry.find("test.echo").orElseThrow().name(), "the first declaration wins");
    }

    @Test
    void logsEverySkippedContribution() {
        List<IStatus> logged = new CopyOnWriteArrayList<>();
        ILogListener listener = (status, plugin) -> logged.add(status);
        Platform.addLogListener(listener);
        try {
            new ConnectorRegistry(RegistryFactory.getRegistry()).connectors();
        } finally {
            Platform.removeLogListener(listener);
        }
        List<String> warnings = logged.stream().filter(s -> s.getSeverity() == IStatus.WARNING)
                .map(IStatus::getMessage).filter(m -> m.startsWith("Skipped a connector contribution")).toList();
        assertEquals(6, warnings.size(), warnings.toString());
    }

    @Test
    void createsAConnectorOnlyWhenAskedAndItWorks() throws Exception {
        Connector echo = registry.create("test.echo");
        Account account = new Account("test.echo", Map.of("host", "localhost", "login", "alice"), null);
        var refused = assertThrows(ConnectorException.AccountFailure.class,
                () -> echo.open(account, Role.SOURCE, ConnectContext.of(null)));
        assertEquals("no password for alice", refused.getMessage());
        try (ConnectorSession session = echo.open(account, Role.SOURCE, ConnectContext.of(Secret.of("pw")))) {
            assertTrue(session.capability(Object.class).isEmpty());
        }
    }

    @Test
    void aConnectorWhoseClassIsMissingFailsWithAClearMessage() {
        var failure = assertThrows(ConnectorException.AccountFailure.class, () -> registry.create("test.unloadable"));
        assertTrue(failure.getMessage().startsWith(
                "connector 'test.unloadable' of bundle org.mailmigrator.testing.connectors could not be loaded"),
                failure.getMessage());
    }

    @Test
    void anUnknownConnectorIdNamesTheInstalledOnes() {
        var failure = assertThrows(ConnectorException.AccountFailure.class, () -> registry.create("nope"));
        assertInstanceOf(ConnectorException.class, failure);
        assertTrue(failure.getMessage().startsWith("no connector 'nope' is installed (installed: "), failure.getMessage());
        assertTrue(failure.getMessage().contains("test.echo"), failure.getMessage());
    }

    private static void assertContains(List<String> problems, String id, String reason) {
        assertTrue(problems.stream().anyMatch(p -> p.contains("'" + id + "'") && p.contains(reason)
                && p.contains("bundle org.mailmigrator.testing.connectors")),
                "expected a problem for " + id + " saying " + reason + " in " + problems);
    }
}
