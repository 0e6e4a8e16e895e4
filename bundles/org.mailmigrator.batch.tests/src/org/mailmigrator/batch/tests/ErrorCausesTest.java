package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mailmigrator.batch.report.ErrorCauses;

/**
 * The dashboard's causes: one entry per cause with its row count, whatever words or accounts each row's message
 * has, and a filter that names the cause (not one phrase of one message).
 */
class ErrorCausesTest {

    @Test
    void variantsOfOneCauseAreOneEntry() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("a", "login refused for a@imap.one.example:993 (tls): [AUTHENTICATIONFAILED] Authentication failed.");
        errors.put("b", "destination: authentication failed for 'b@two.example' (HTTP 401)");
        errors.put("c", "folder 'Archive 2019' could not be read: 12 items");
        errors.put("d", "folder 'Sent' could not be read: 3 items");
        errors.put("e", "no such host imap.typo.example (DNS) for e@imap.typo.example:143 (plain): check the server name");
        List<ErrorCauses.Cause> causes = ErrorCauses.group(errors);
        assertEquals(3, causes.size(), causes.toString());
        Map<String, List<String>> byName = new LinkedHashMap<>();
        causes.forEach(c -> byName.put(c.name(), c.rows()));
        assertEquals(List.of("a", "b"), byName.get("authentication failed"), byName.toString());
        assertEquals(List.of("c", "d"), byName.get("folder … could not be read"), byName.toString());
        assertEquals(List.of("e"), byName.get("server not found"), byName.toString());
        assertEquals("cause: authentication failed", causes.get(0).filter());
        assertEquals("authentication failed", ErrorCauses.causeOf(errors.get("b")));
    }
}
