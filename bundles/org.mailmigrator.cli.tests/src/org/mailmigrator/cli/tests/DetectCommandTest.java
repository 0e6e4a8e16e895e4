package org.mailmigrator.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mailmigrator detect}, run in the OSGi framework with the built-in presets. Every case is answered by a
 * preset or runs --offline: these tests send nothing over the network.
 */
class DetectCommandTest {

    @Test
    void detectPrintsThePresetServersLoginsAdviceAndTrail() {
        CliRun run = CliRun.of("detect", "alice@gmail.com");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("alice@gmail.com: found by provider preset, confidence high - Gmail / Google Workspace"), run.out());
        assertTrue(run.out().contains("imap     imap.gmail.com:993 tls"), run.out());
        assertTrue(run.out().contains("login alice@gmail.com"), run.out());
        assertTrue(run.out().contains("advice: Google refuses the account's normal password"), run.out());
        assertTrue(run.out().contains("preset gmail.com: found"), run.out());
    }

    @Test
    void jsonCarriesSourceConfidenceServersAndTrail() {
        CliRun run = CliRun.of("detect", "bob@outlook.com", "--json");
        assertEquals(0, run.code(), run.err());
        String json = run.out();
        assertTrue(json.contains("\"status\": \"found\", \"source\": \"preset\", \"confidence\": \"high\""), json);
        assertTrue(json.contains("\"provider\": {\"id\": \"microsoft365\""), json);
        assertTrue(json.contains("{\"protocol\": \"ews\", \"host\": \"outlook.office365.com\", \"port\": 443, \"security\": \"tls\", "
                + "\"login\": \"bob@outlook.com\", \"url\": \"https://outlook.office365.com/EWS/Exchange.asmx\"}"), json);
        assertTrue(json.contains("\"problems\": []"), json);
    }

    @Test
    void aMalformedAddressIsNamedAndFails() {
        CliRun run = CliRun.of("detect", "--offline", "not-an-address");
        assertEquals(1, run.code());
        assertTrue(run.out().contains("not-an-address: 'not-an-address' is not an e-mail address (expected name@domain)"), run.out());
    }

    @Test
    void offlineAnUnknownDomainIsNotFound() {
        CliRun run = CliRun.of("detect", "--offline", "carol@unknown.invalid");
        assertEquals(1, run.code());
        assertTrue(run.out().contains("carol@unknown.invalid: no settings found"), run.out());
        assertTrue(run.out().contains("probe unknown.invalid: skipped - not enabled (offline)"), run.out());
    }

    @Test
    void aCsvIsReportedPerDomainWithItsProblemRows(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("batch.csv");
        Files.writeString(csv, "email,password\na@gmail.com,x\nb@gmail.com,x\nc@free.fr,x\nbroken,x\nd@nowhere.invalid,x\n");
        CliRun run = CliRun.of("detect", "--offline", "--csv", csv.toString());
        assertEquals(1, run.code(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("gmail.com") && l.contains(" 2  preset") && l.contains("imap.gmail.com:993 tls")), run.out());
        assertTrue(run.out().contains("5 row(s), 3 domain lookup(s)."), run.out());
        assertTrue(run.out().contains("2 row(s) need attention:"), run.out());
        assertTrue(run.out().contains("line 5: 'broken' is not an e-mail address"), run.out());
        assertTrue(run.out().contains("line 6: no settings found for d@nowhere.invalid"), run.out());
    }

    @Test
    void addressesOrCsvAreRequiredAndAMissingFileIsNamed() {
        assertEquals(2, CliRun.of("detect").code());
        CliRun missing = CliRun.of("detect", "--csv", "/nonexistent/batch.csv");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("Cannot read /nonexistent/batch.csv: no such file"), missing.err());
    }
}
