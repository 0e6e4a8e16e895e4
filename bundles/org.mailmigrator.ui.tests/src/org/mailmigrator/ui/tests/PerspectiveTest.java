package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.mailmigrator.ui.UiIds;

/** The Migrations perspective, as a new user first sees it, shows the Batches and Migrations views. */
class PerspectiveTest {

    @Test
    void batchesAndMigrationsShowByDefault() {
        var page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.resetPerspective();
        UiTestSupport.processEvents();
        var batches = page.findViewReference(UiIds.VIEW_BATCHES);
        var migrations = page.findViewReference(UiIds.VIEW_MIGRATIONS);
        assertNotNull(batches, "Batches view in the default layout");
        assertNotNull(migrations, "Migrations view in the default layout");
        assertTrue(page.isPartVisible(batches.getPart(true)) && page.isPartVisible(migrations.getPart(true)),
                "both visible side by side");
    }
}
