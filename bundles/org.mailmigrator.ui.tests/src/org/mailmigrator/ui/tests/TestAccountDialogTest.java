package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.mailmigrator.core.model.Secret;

/** The account form is generated from the declared settings and tests the connection through the connector. */
class TestAccountDialogTest {

    @Test
    void generatesOneFieldPerDeclaredSettingOfTheRightKind() {
        try (var page = TestAccountDialogPage.open("test.echo")) {
            var form = page.form();
            assertTrue(form.field("host").control() instanceof Text);
            assertTrue(form.field("security").control() instanceof Combo combo
                    && List.of(combo.getItems()).equals(List.of("tls", "starttls", "plain")));
            assertEquals("tls", form.field("security").text(), "the declared default is preselected");
            assertEquals("993", form.field("port").text());
            Text password = (Text) form.field("password").control();
            assertTrue((password.getStyle() & SWT.PASSWORD) != 0, "a secret is typed into a masked field");
            assertFalse(form.field("host").control() instanceof Button);
        }
    }

    @Test
    void validatesAsThePersonTypesAndKeepsSecretsOutOfTheValues() {
        try (var page = TestAccountDialogPage.open("test.echo")) {
            assertFalse(page.canTest());
            assertEquals("Server is required", page.errorMessage());
            page.type("host", "localhost").type("login", "alice").type("password", "s3cret").type("port", "70000");
            assertFalse(page.canTest());
            assertEquals("Port: '70000' is not a port number (1-65535)", page.errorMessage());
            page.type("port", "1993");
            assertTrue(page.canTest());
            var form = page.form();
            assertEquals(Map.of("host", "localhost", "port", "1993", "security", "tls", "login", "alice"), form.values());
            assertEquals(Secret.of("s3cret"), form.secret("password").orElseThrow());
        }
    }

    @Test
    void testsTheConnectionThroughTheConnectorAndShowsTheOutcome() {
        try (var page = TestAccountDialogPage.open("test.echo")) {
            page.type("host", "localhost").type("login", "alice").type("password", "pw");
            assertEquals("Connected and logged in as source.", page.test());
        }
    }

    @Test
    void aConnectorThatCannotBeLoadedIsReportedNotThrown() {
        try (var page = TestAccountDialogPage.open("test.unloadable")) {
            ((AddressBookPage) page.dialog().page()).url().setText("https://dav.example.org/");
            UiTestSupport.processEvents();
            String outcome = page.test();
            assertTrue(outcome.startsWith("Refused: connector 'test.unloadable' of bundle "
                    + "org.mailmigrator.testing.connectors could not be loaded"), outcome);
        }
    }
}
