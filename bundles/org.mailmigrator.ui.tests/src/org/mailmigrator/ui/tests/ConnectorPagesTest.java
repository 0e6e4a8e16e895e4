package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mailmigrator.ui.forms.ConnectorPages;
import org.mailmigrator.ui.forms.GeneratedPage;

/** Connectors may contribute their own account page; an account can always be edited all the same. */
class ConnectorPagesTest {

    @Test
    void aContributedPageReplacesTheGeneratedOne() {
        try (var page = TestAccountDialogPage.open("test.unloadable")) {
            AddressBookPage custom = assertInstanceOf(AddressBookPage.class, page.dialog().page());
            assertFalse(page.canTest());
            custom.url().setText("https://dav.example.org/alice/");
            UiTestSupport.processEvents();
            assertTrue(page.canTest());
            assertEquals(Map.of("url", "https://dav.example.org/alice/"), custom.values());
        }
    }

    @Test
    void aPageWhoseClassIsMissingFallsBackToTheGeneratedPage() {
        try (var page = TestAccountDialogPage.open("test.echo")) {
            assertInstanceOf(GeneratedPage.class, page.dialog().page());
        }
    }

    @Test
    void aBrokenDeclarationIsListed() {
        var problems = new ConnectorPages(org.eclipse.core.runtime.RegistryFactory.getRegistry()).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("page 'test.no-connector'") && problems.get(0).contains("attribute 'connector' is missing"),
                problems.get(0));
    }
}
