package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.internal.Budgets;
import org.mailmigrator.batch.internal.WorkspaceRegistry;
import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.batch.run.Presets;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;

/**
 * The provider presets a pass uses are the ones its maker handed down (issue 13: nothing in a pass looks the platform
 * up): a Gmail source's daily download limit comes from the presets given, and a runner given none applies none.
 */
class PresetsHandedDownTest {
    private static final Account GMAIL = new Account("imap", Map.of("host", "imap.gmail.com", "port", "993", "security", "tls",
            "login", "ann@example.com"), new CredentialRef("row/source"));
    private static final Account DEST = new Account("imap", Map.of("host", "mail.example.org", "port", "993", "security", "tls",
            "login", "ann"), new CredentialRef("row/destination"));

    @TempDir
    Path state;

    private final ConnectorFactory connectors = ConnectorFactory.of(new ConnectorRegistry(RegistryFactory.getRegistry()));

    @Test
    void theGmailPresetLimitsASourceOnlyWhenThePresetsAreGiven() {
        Presets given = new Presets(RegistryFactory.getRegistry());
        var budget = Budgets.of(state, GMAIL, DEST, connectors, given.providers());
        assertNotNull(budget, "the Gmail preset's daily download limit applies");
        assertTrue(budget.limited());
        assertNull(Budgets.of(state, GMAIL, DEST, connectors, Presets.NONE.providers()),
                "no presets handed down: no preset limit, and nothing looked up instead");
    }

    @Test
    void theWorkspaceServiceReadsThePresetsOnceWithItsConnectors() {
        WorkspaceRegistry service = new WorkspaceRegistry(RegistryFactory.getRegistry());
        assertNotNull(Budgets.of(state, GMAIL, DEST, connectors, service.presets().providers()),
                "the service's presets hold the Gmail limit");
        assertSame(service.presets(), service.presets(), "the same presets every time: read once");
        Presets none = new WorkspaceRegistry(new ConnectorRegistry(RegistryFactory.getRegistry())).presets();
        assertNull(Budgets.of(state, GMAIL, DEST, connectors, none.providers()),
                "a service given only connectors (outside OSGi) has no presets");
    }
}
