package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.mailmigrator.ui.UiIds;

/** In the real workbench window: the Connectors view shows what the connectors extension point holds. */
class ConnectorsViewTest {

    @Test
    void theWorkbenchOpensOnTheMigrationsPerspective() {
        var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertEquals(UiIds.PERSPECTIVE_MIGRATIONS, window.getActivePage().getPerspective().getId());
        assertEquals("Mail Migrator Workbench", window.getShell().getText());
    }

    @Test
    void showsTheTestConnectorWithItsRolesKindsAndSettings() throws Exception {
        ConnectorsViewPage view = ConnectorsViewPage.open();
        assertEquals(List.of("Connector", "Id", "Roles", "Item kinds", "Settings", "Contributed by"), view.columnTitles());
        assertEquals(List.of("Echo (test)", "test.echo", "source, destination", "mail, calendar",
                "host*, port=993, security=tls, login*, password* (secret)", "org.mailmigrator.testing.connectors"),
                view.row("test.echo"));
        assertEquals("source", view.row("test.unloadable").get(2));
    }

    @Test
    void brokenContributionsAreNotRows() throws Exception {
        ConnectorsViewPage view = ConnectorsViewPage.open();
        for (String broken : List.of("test.bad-role", "test.no-name", "test.bad-setting")) {
            assertTrue(view.rows().stream().noneMatch(r -> r.contains(broken)), broken);
        }
        assertEquals(1, view.rows().stream().filter(r -> r.contains("test.echo")).count());
        assertTrue(view.summary().contains("6 broken contribution(s) skipped"), view.summary());
        assertTrue(view.summary().contains("unknown role 'sink'"), view.summary());
    }
}
