package org.mailmigrator.batch.tests;

import org.eclipse.core.runtime.RegistryFactory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mailmigrator.batch.csv.CsvImporter;
import org.mailmigrator.batch.csv.ImportOptions;
import org.mailmigrator.batch.csv.ImportResult;
import org.mailmigrator.core.connector.ConnectorRegistry;

/**
 * Broken rows of issue 11 (secrets through CSV import): a row whose cells moved is refused, never read
 * shifted, and no message shows a password, a Java class name or a megabyte of text.
 */
class CsvBadInputTest {
    private final CsvImporter importer = Platform.importer(new ConnectorRegistry(RegistryFactory.getRegistry()));

    private ImportResult read(String text) {
        return importer.read(text.getBytes(StandardCharsets.UTF_8), ImportOptions.auto());
    }

    private static void noSecret(ImportResult r, String... secrets) {
        String p = CsvImportTest.problems(r);
        for (String s : secrets) {
            assertFalse(p.contains(s), "'" + s + "' is shown: " + p);
        }
        assertFalse(p.contains("org.apache") || p.contains("Exception"), p);
        assertTrue(p.length() < 2000, "messages stay short: " + p.length());
    }

    @Test
    void imapsyncUnquotedSemicolonInAPasswordIsRefusedWithoutShowingIt() {
        ImportResult r = read("""
                h1.example;alice;Sekr3t;PartB;h2.example;alice;Pw2x9;
                h1.example;bob;Sekr3tC;h2.example;bob;Pw2;--ssl1 Sekr3tTail;
                h1.example;carol;Secret1;h2.example;carol;Pw;PartD
                h1example;dave;Sekr3tE;h2.example;dave;--ssl1 --folder INBOX;
                """.replace("h1example;dave", "h1.exampledave"));
        assertEquals(0, r.pairs().size(), CsvImportTest.problems(r));
        String p = CsvImportTest.problems(r);
        assertTrue(p.contains("line 1") && p.contains("line 2") && p.contains("line 3") && p.contains("line 4"), p);
        assertTrue(p.contains("line 3, column 7 (options): does not hold imapsync options"), p);
        assertTrue(p.contains("line 4, column 5 (user2): looks like an imapsync option, not a login"), p);
        noSecret(r, "Sekr3t", "PartB", "Pw2x9", "Tail", "PartD", "Sekr3tE");
    }

    @Test
    void ommWithASplitPasswordOrMergedRowsStoresNoDelegationAndShowsNoValue() {
        ImportResult r = read("""
                IMAP;imap.old.example;alice;pw-alice;IMAP;new.example;alice;Sekr3t;PartB
                IMAP;imap.old.example;bob;pw-bob;IMAP;new.example;bob;Pw-bob-2IMAP;imap.old.example;carol;Sekr3tPw1c;IMAP;new.example;carol;x
                IMAP;imap.old.example;dave;pw-dave;IMAP;new.example;dave;pw-dave-2
                """);
        assertEquals(1, r.pairs().size(), CsvImportTest.problems(r));
        assertEquals(Optional.empty(), r.pairs().get(0).migration().destination().setting("delegation"));
        assertEquals(Optional.empty(), r.pairs().get(0).migration().source().setting("delegation"));
        String p = CsvImportTest.problems(r);
        assertTrue(p.contains("line 1: has 9 columns; the OMM template has 8, or 10"), p);
        assertTrue(p.contains("line 2: has 15 columns"), p);
        noSecret(r, "Sekr3t", "PartB", "Sekr3tPw1c", "Pw-bob-2");

        ImportResult tenWide = read("""
                Type source;Serveur source;Login source;Mot de passe source;Type destination;Serveur destination;Login destination;Mot de passe destination;Délégation source;Délégation destination
                IMAP;imap.old.example;alice;pw-alice;IMAP;new.example;alice;Sekr3t;PartB;;
                IMAP;imap.old.example;bob;pw-bob;IMAP;new.example;bob;pw-bob-2;;
                """);
        assertEquals(1, tenWide.pairs().size(), CsvImportTest.problems(tenWide));
        assertTrue(CsvImportTest.problems(tenWide).contains("line 2: has 11 cells but the header has 10"),
                CsvImportTest.problems(tenWide));
        noSecret(tenWide, "Sekr3t", "PartB");
    }

    @Test
    void nativeRowsWithAMissingOrExtraCellAreRefusedNotShifted() {
        ImportResult r = read("""
                source.server,source.login,source.password,destination.server,destination.login,destination.password,exclude
                imaps://a.example,alice,Sekr3tA,imaps://b.example,alice,^Junk$
                imaps://a.example,bob,Sekr3t,PartB,imaps://b.example,bob,pw,
                imaps://a.example,carol,pw-c,imaps://b.example,carol,pw-c2,^Trash$
                Source.Server,source.login,source.password,destination.server,destination.login,destination.password,exclude
                """);
        assertEquals(1, r.pairs().size(), CsvImportTest.problems(r));
        assertEquals(Optional.of("carol"), r.pairs().get(0).migration().destination().setting("login"));
        String p = CsvImportTest.problems(r);
        assertTrue(p.contains("line 2: has 6 cells but the header has 7"), p);
        assertTrue(p.contains("line 3: has 8 cells but the header has 7"), p);
        assertTrue(p.contains("line 5: repeats the header row (line 1)"), p);
        noSecret(r, "Sekr3t", "PartB");
    }

    @Test
    void portsOutOfRangeNulBytesAndAbsurdLengthsAreRefusedWithAShortMessage() {
        String big = "p".repeat(1 << 20);
        String host = "h".repeat(100_000) + ".example";
        ImportResult r = read("source.server,source.login,source.password,destination.host,destination.port,"
                + "destination.login,destination.password\n"
                + "imaps://a.example:99999,a,pw,b.example,993,a,pw\n"
                + "imaps://a.example:0,b,pw,b.example,993,b,pw\n"
                + "imaps://a.example,c,pw,b.example,99999,c,pw\n"
                + "imaps://a.example,d,p\0w,b.example,993,d,pw\n"
                + "imaps://a.example,e," + big + ",b.example,993,e,pw\n"
                + "imaps://" + host + ",f,pw,b.example,993,f,pw\n"
                + "imaps://a.example,g,pw,b.example,993,g,pw\n");
        assertEquals(1, r.pairs().size(), CsvImportTest.problems(r));
        String p = CsvImportTest.problems(r);
        assertTrue(p.contains("line 2, column 1 (source.server): 'imaps://a.example:99999': the port is not a number from 1 to 65535"), p);
        assertTrue(p.contains("line 3, column 1 (source.server): 'imaps://a.example:0': the port"), p);
        assertTrue(p.contains("line 4, column 5 (destination.port): ") && p.contains("'99999' is not a port number (1-65535)"), p);
        assertTrue(p.contains("line 5, column 3 (source.password): holds a NUL byte"), p);
        assertTrue(p.contains("line 6, column 3 (source.password): is 1048576 characters long; at most 1024"), p);
        assertTrue(p.contains("line 7, column 1 (source.server): is 100016 characters long; at most 4096"), p);
        noSecret(r);
    }

    @Test
    void anUnclosedQuoteIsSaidWithoutTheParsersClassOrTheCells() {
        ImportResult r = read("h1.example;u1;pw1xyz;h2.example;u2;pw2;\nh1.example;\"u2;Sekr3t\"x;h2.example;u;p;\n");
        String p = CsvImportTest.problems(r);
        assertTrue(p.contains("line 2: the CSV cannot be read from here on: an unclosed quote"), p);
        noSecret(r, "Sekr3t");
    }

    @Test
    void anExchangeCsvWithoutItsServersIsACommandLineProblem() {
        ImportResult r = read("EmailAddress,UserName,Password\nalice@contoso.example,alice,pw\n");
        assertEquals(3, r.problems().size(), CsvImportTest.problems(r));
        assertTrue(r.problems().stream().allMatch(p -> p.isOption()), CsvImportTest.problems(r));
        assertTrue(CsvImportTest.problems(r).contains("give --source-server HOST|URL"), CsvImportTest.problems(r));
        assertFalse(CsvImportTest.problems(r).contains("line 1"), "not a problem of the file's line 1");
    }

    // a separator lost and another added further on the same row: the count is right, the cells between are
    // shifted; their shapes (server, port, login, type, yes/no, options) give the row away
    @Test
    void twoDamagesThatCancelOutInOneRowAreFoundByTheShapeOfTheCells() {
        ImportResult nat = read("source.server,source.login,source.password,destination.server,destination.login,"
                + "destination.password,mirror\n"
                + "imaps://a.example:993,a1,Sekr3tA,imap://b.example:143,b1,Pw1,false\n"
                + "imaps://a.example:993,a2Sekr3tB,imap://b.example:143,b2,Pw,2x,false\n");
        String p = CsvImportTest.problems(nat);
        assertEquals(1, nat.pairs().size(), p);
        assertTrue(p.contains("line 3, column 4 (destination.server): is not a server"), p);
        noSecret(nat, "Sekr3tB");

        ImportResult omm = read("IMAP;imap.old.example;u1@old.example;Sekr3tC;IMAP;imaps://new.example;u1@new.example;pw1\n"
                + "IMAP;imap.old.example;u2@old.exampleSekr3tD;IMAP;imaps://new.example;u2@new.ex;ample;pw2\n");
        p = CsvImportTest.problems(omm);
        assertEquals(1, omm.pairs().size(), p);
        assertTrue(p.contains("line 2, column "), p); // the reader's own check or the shape of a cell
        noSecret(omm, "Sekr3tD");

        ImportResult sync = read("h1.example;u1;Sekr3tE;h2.example;u1b;pw1;\n"
                + "h1.example;u2Sekr3tF;h2.example;u2b;p;w2;--ssl1;\n");
        p = CsvImportTest.problems(sync);
        assertEquals(1, sync.pairs().size(), p);
        assertTrue(p.contains("line 2, column 4 (host2): is not a server"), p);
        noSecret(sync, "Sekr3tF");
    }
}
