package org.mailmigrator.batch.tests;

import org.eclipse.core.runtime.RegistryFactory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.csv.CsvFormat;
import org.mailmigrator.batch.csv.CsvFormatDescriptor;
import org.mailmigrator.batch.csv.CsvFormats;
import org.mailmigrator.batch.csv.CsvImporter;
import org.mailmigrator.batch.csv.ImportOptions;
import org.mailmigrator.batch.csv.ImportResult;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.model.Migration;

/**
 * The csvFormats extension point: the four built-in formats are contributions, a third party's format (the test
 * bundle's "acme") is listed, detected and imported through the command line, and broken declarations are
 * skipped and named without stopping the others.
 */
class ContributedFormatTest {
    static final String ACME = """
            src_user;src_password;dst_user;dst_password;hosts
            alice;Acme-Secret-1;alice@new.example;Acme-Secret-2;imap.old.example>imaps://imap.new.example:993
            bob;Acme-Secret-3;bob@new.example;Acme-Secret-4;imap.old.example:143>imap.new.example
            """;
    private static final String TEST_BUNDLE = "org.mailmigrator.testing.extensions";

    @Test
    void theBuiltInFormatsComeFirstThenContributedOnesAndBrokenDeclarationsAreSkipped() {
        CsvFormats formats = Platform.formats();
        List<String> ids = formats.formats().stream().map(CsvFormatDescriptor::id).toList();
        assertEquals(List.of("omm", "imapsync", "exchange", "native", "acme", "broken-missing-class"), ids);
        assertEquals(List.of("auto", "omm", "imapsync", "exchange", "native", "acme", "broken-missing-class"), formats.ids());
        CsvFormatDescriptor acme = formats.find(new CsvFormat("acme")).orElseThrow();
        assertEquals("Acme Mail Mover export (acme)", acme.label());
        assertEquals(TEST_BUNDLE, acme.contributor());
        assertEquals(List.of("acme"), acme.extensions());

        List<String> problems = formats.problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("bundle " + TEST_BUNDLE) && p.contains("'broken-pattern'")
                && p.contains("firstLine is not a regular expression")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("'broken-no-class'") && p.contains("attribute 'class' is missing")),
                problems.toString());
    }

    @Test
    void theDeclarationsOutsideOsgiSayWhatPluginXmlSays() {
        List<CsvFormatDescriptor> declared = Platform.formats().formats().subList(0, 4);
        List<CsvFormatDescriptor> builtIn = CsvFormats.builtIn().formats();
        assertEquals(declared.stream().map(ContributedFormatTest::comparable).toList(),
                builtIn.stream().map(ContributedFormatTest::comparable).toList());
    }

    private static List<Object> comparable(CsvFormatDescriptor d) {
        return List.of(d.id(), d.name(), d.description(), d.contributor(), d.firstLine().map(p -> p.pattern()).orElse(""),
                d.priority(), d.separator().map(String::valueOf).orElse(""), d.comments(), d.columns(), d.extensions());
    }

    @Test
    void anAcmeFileImportsThroughTheCommandLineChosenOrDetected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("team.acme");
        Files.writeString(file, ACME);
        Path ws = dir.resolve("ws");
        CliRun chosen = CliRun.of("batch", "import", file.toString(), "--workspace", ws.toString(), "--format", "acme",
                "--name", "chosen");
        assertEquals(0, chosen.code(), chosen.toString());
        assertTrue(chosen.out().contains("imported batch chosen: 2 migration(s) from team.acme (acme, UTF-8)"), chosen.out());
        CliRun detected = CliRun.of("batch", "import", file.toString(), "--workspace", ws.toString(), "--name", "detected");
        assertEquals(0, detected.code(), detected.toString());
        assertTrue(detected.out().contains("(acme, UTF-8)"), detected.out());

        try (BatchStore store = BatchStore.open(new Workspace(ws).batchesDir(), false)) {
            List<Migration> migrations = store.batch("detected").orElseThrow().migrations();
            assertEquals(2, migrations.size());
            Map<String, String> src = migrations.get(0).source().settings();
            Map<String, String> dst = migrations.get(0).destination().settings();
            assertEquals(List.of("imap.old.example", "993", "tls", "alice"),
                    List.of(src.get("host"), src.get("port"), src.get("security"), src.get("login")));
            assertEquals(List.of("imap.new.example", "993", "tls", "alice@new.example"),
                    List.of(dst.get("host"), dst.get("port"), dst.get("security"), dst.get("login")));
            assertEquals("starttls", migrations.get(1).source().settings().get("security"));
        }

        CliRun unknown = CliRun.of("batch", "import", file.toString(), "--workspace", ws.toString(), "--format", "acm");
        assertEquals(2, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("--format 'acm': expected auto, omm, imapsync, exchange, native, acme"),
                unknown.err());
    }

    @Test
    void aBadAcmeRowIsNamedByLineAndColumnWithoutItsPassword(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.acme");
        Files.writeString(file, ACME + "carol;Acme-Secret-5;carol@new.example;Acme-Secret-6;imap.old.example\n");
        CliRun bad = CliRun.of("batch", "import", file.toString(), "--workspace", dir.resolve("ws").toString());
        assertEquals(1, bad.code(), bad.toString());
        assertTrue(bad.err().contains("bad.acme: line 4, column 5 (hosts): 'imap.old.example' is not SOURCE>DESTINATION"),
                bad.err());
        assertFalse(bad.err().contains("Acme-Secret"), bad.err());
    }

    @Test
    void aFormatWhoseClassIsMissingFailsOnlyItsOwnImports() throws Exception {
        CsvImporter importer = Platform.importer(new ConnectorRegistry(RegistryFactory.getRegistry()));
        ImportResult broken = importer.read("missing-class-format;a;b\nx;y;z\n".getBytes(StandardCharsets.UTF_8),
                ImportOptions.auto());
        assertEquals(new CsvFormat("broken-missing-class"), broken.format());
        assertEquals(1, broken.problems().size(), broken.problems().toString());
        assertTrue(broken.problems().get(0).reason().contains("the format 'broken-missing-class' of bundle " + TEST_BUNDLE
                + " cannot be loaded"), broken.problems().toString());
        ImportResult acme = importer.read(ACME.getBytes(StandardCharsets.UTF_8), ImportOptions.auto());
        assertEquals(new CsvFormat("acme"), acme.format());
        assertEquals(2, acme.pairs().size(), acme.problems().toString());
        ImportResult imapsync = importer.read("h1.example;u1;p1;h2.example;u2;p2;\n".getBytes(StandardCharsets.UTF_8),
                ImportOptions.auto());
        assertEquals(CsvFormat.IMAPSYNC, imapsync.format());
        assertEquals(1, imapsync.pairs().size());
        // the command line's server detection reads a contributed format's rows too
        var addresses = new CsvImporter(id -> null, Platform.formats()).sourceAddresses(ACME.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertEquals(List.of("alice", "bob"), addresses.stream().map(CsvImporter.SourceAddress::login).toList());
        assertEquals("imap.old.example", addresses.get(0).host());
    }
}
