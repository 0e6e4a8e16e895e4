package org.mailmigrator.batch.tests;

import org.eclipse.core.runtime.RegistryFactory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mailmigrator.batch.csv.CsvFormat;
import org.mailmigrator.batch.csv.CsvImporter;
import org.mailmigrator.batch.csv.ImportOptions;
import org.mailmigrator.batch.csv.ImportResult;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Secret;

/** Every CSV dialect, detected and read, with malformed lines reported by line, column and reason. */
class CsvImportTest {
    private final CsvImporter importer = Platform.importer(new ConnectorRegistry(RegistryFactory.getRegistry()));

    private ImportResult read(String text, ImportOptions options) {
        return importer.read(text.getBytes(StandardCharsets.UTF_8), options);
    }

    static String problems(ImportResult r) {
        return String.join("\n", r.problems().stream().map(Object::toString).toList());
    }

    @Test
    void ommTemplateWithHeaderUrlsAndDelegation() {
        String csv = """
                Type source;Serveur source;Login source;Mot de passe source;Type destination;Serveur destination;Login destination;Mot de passe destination;Délégation source;Délégation destination
                IMAP;imap.gmail.com;alice@example.org;pa;ss;IMAP;imaps://ssl0.ovh.net;alice@example.net;p2;;
                POP;pop.example.org:995;bob;pb;IMAP;imap://mail.example.net:143;bob@example.net;p3;admin@example.org;
                Exchange;https://outlook.example.org/EWS/Exchange.asmx;carol;pc;IMAP;mail.example.net;carol@example.net;p4;;
                """;
        ImportResult r = read(csv, ImportOptions.auto());
        assertEquals(CsvFormat.OMM, r.format());
        // line 2 has a ';' inside the unquoted password: one column too many shifts everything
        assertEquals(1, r.badLines(), problems(r));
        assertEquals(2, r.problems().get(0).line(), problems(r));
        assertEquals(2, r.pairs().size(), problems(r));
        Account bob = r.pairs().get(0).migration().source();
        assertEquals("pop3", bob.connectorId());
        assertEquals(Optional.of("995"), bob.setting("port"));
        assertEquals(Optional.of("tls"), bob.setting("security"));
        assertEquals(Optional.of("admin@example.org"), bob.setting("delegation"));
        assertEquals(Optional.of("starttls"), r.pairs().get(0).migration().destination().setting("security"));
        assertEquals("ews", r.pairs().get(1).migration().source().connectorId());
        assertEquals(Optional.of("993"), r.pairs().get(1).migration().destination().setting("port"));
        assertEquals(Secret.of("pc"), r.pairs().get(1).sourcePassword());
    }

    @Test
    void ommMalformedLinesNameLineColumnAndReason() {
        String csv = "IMAP;imap.example.org;alice;pw;IMAP;dest.example.org;alice;pw\n"
                + "IMAP;bad host!;bob;pw;IMAP;dest.example.org;bob;pw\n"
                + "\n"
                + "FTP;imap.example.org;carol;pw;IMAP;dest.example.org:99999;carol;\n"
                + "IMAP;imap.example.org;dave\n"
                + "IMAP;imap.example.org;alice;pw;IMAP;dest.example.org;alice;pw\n";
        ImportResult r = read(csv, ImportOptions.auto());
        assertEquals(1, r.pairs().size(), problems(r));
        String p = problems(r);
        assertTrue(p.contains("line 2, column 2 (source server): 'bad host!' is not a host name"), p);
        assertTrue(p.contains("line 4, column 1 (source type): 'FTP' is not a server type"), p);
        assertTrue(p.contains("line 4, column 6 (destination server): 'dest.example.org:99999': the port '99999'"), p);
        assertTrue(p.contains("line 4, column 8 (destination password): the password is empty"), p);
        assertTrue(p.contains("line 5: has 3 columns"), p);
        assertTrue(p.contains("line 6: repeats the pair of line 1"), p);
    }

    @Test
    void imapsyncFileWithCommentsOptionsAndErrors() {
        String csv = """
                # imapsync file.txt
                host1.example.org;user1;password1;host2.example.org;user1b;password2;
                # a comment between rows

                host1.example.org;user2;"pass;word";host2.example.org:10143;user2b;pw;--ssl1 --folder "Sent Items" --exclude ^Junk --delete2;
                host1.example.org;user3;pw;host2.example.org;user3b;pw;--justfolders;
                host1.example.org;user4;pw;host2.example.org;user4b
                """;
        ImportResult r = read(csv, ImportOptions.auto());
        assertEquals(CsvFormat.IMAPSYNC, r.format());
        assertEquals(2, r.pairs().size(), problems(r));
        var first = r.pairs().get(0).migration();
        assertEquals(Optional.of("starttls"), first.source().setting("security"));
        assertEquals(Optional.of("143"), first.source().setting("port"));
        var second = r.pairs().get(1);
        assertEquals(5, second.line());
        assertEquals(Secret.of("pass;word"), second.sourcePassword());
        assertEquals(Optional.of("tls"), second.migration().source().setting("security"));
        assertEquals(Optional.of("993"), second.migration().source().setting("port"));
        assertEquals(Optional.of("10143"), second.migration().destination().setting("port"));
        assertEquals(List.of("^\\QSent Items\\E$"), second.migration().options().includeFolders());
        assertEquals(List.of("^Junk"), second.migration().options().excludeFolders());
        assertTrue(second.migration().options().mirrorDeletions());
        String p = problems(r);
        assertTrue(p.contains("line 6, column 7 (options): imapsync option '--justfolders' is not supported"), p);
        assertTrue(p.contains("line 7: has 5 columns"), p);
    }

    @Test
    void imapsyncSizeAgeAndFolderMappingOptionsBecomeTheMigrationsLimits() {
        String csv = """
                h1.example;u1;pw;h2.example;u1b;pw;--maxsize 10000000 --maxage 365 --minage 30 --f1f2 "Sent Items=Sent" --f1f2 Old=Archive;
                h1.example;u2;pw;h2.example;u2b;pw;--maxsize 10M;
                h1.example;u3;pw;h2.example;u3b;pw;--maxage soon --f1f2 nodest;
                h1.example;u4;pw;h2.example;u4b;pw;--maxage 30 --minage 365;
                """;
        java.time.Instant now = java.time.Instant.now();
        ImportResult r = read(csv, ImportOptions.auto());
        assertEquals(1, r.pairs().size(), problems(r));
        var o = r.pairs().get(0).migration().options();
        assertEquals(Optional.of(10_000_000L), o.limits().maxSize());
        long sinceDays = java.time.Duration.between(o.limits().since().orElseThrow(), now).toDays();
        long beforeDays = java.time.Duration.between(o.limits().before().orElseThrow(), now).toDays();
        assertTrue(sinceDays >= 364 && sinceDays <= 365, "since " + o.limits().since());
        assertTrue(beforeDays >= 29 && beforeDays <= 30, "before " + o.limits().before());
        assertEquals(java.util.Map.of("Sent Items", "Sent", "Old", "Archive"), o.folderMap());
        String p = problems(r);
        assertTrue(p.contains("line 2, column 7 (options): --maxsize '10M' is not a number of bytes"), p);
        assertTrue(p.contains("line 3, column 7 (options): --maxage 'soon' is not a number of days"), p);
        assertTrue(p.contains("line 3, column 7 (options): --f1f2 'nodest' is not SOURCE=DESTINATION"), p);
        assertTrue(p.contains("line 4, column 7 (options): --maxage/--minage: the date limits select nothing"), p);
    }

    @Test
    void exchangeCsvWithBomQuotesAndBatchServers() {
        String csv = "\uFEFFEmailAddress,UserName,Password,UserRoot\r\n"
                + "alice@contoso.com,alice,\"pa,ss\",\r\n"
                + "bob@contoso.com,\"bob\",pb,/users/bob\r\n"
                + "not-an-address,carol,pc,\r\n";
        ImportOptions o = new ImportOptions(CsvFormat.AUTO, Optional.of("imap.source.example:993"),
                Optional.of("imaps://outlook.office365.com"), Optional.of(Secret.of("admin-pw")));
        ImportResult r = read(csv, o);
        assertEquals(CsvFormat.EXCHANGE, r.format());
        assertEquals(2, r.pairs().size(), problems(r));
        assertEquals(Secret.of("pa,ss"), r.pairs().get(0).sourcePassword());
        assertEquals(Optional.of("alice@contoso.com"), r.pairs().get(0).migration().destination().setting("login"));
        assertEquals(Optional.of("/users/bob"), r.pairs().get(1).migration().source().setting("userRoot"));
        assertEquals(Secret.of("admin-pw"), r.pairs().get(1).destinationPassword());
        assertTrue(problems(r).contains("line 4, column 1 (EmailAddress): 'not-an-address' is not an e-mail address"),
                problems(r));
        ImportResult missing = read(csv, ImportOptions.auto());
        assertTrue(problems(missing).contains("an Exchange Online CSV does not name the source server: give --source-server"),
                problems(missing));
        assertTrue(missing.problems().stream().allMatch(p -> p.isOption()), "a command-line problem, not the file's");
        assertEquals(0, missing.pairs().size());
    }

    @Test
    void nativeFormatChecksColumnsAgainstDeclaredSettings() {
        String csv = """
                source.server,source.login,source.password,destination.host,destination.port,destination.security,destination.login,destination.password,include,mirror
                imaps://a.example.org,alice,pa,b.example.org,10993,tls,alice2,pb,^INBOX$,true
                imap://a.example.org,bob,pb,b.example.org,143,sometimes,bob2,pb,([,maybe
                """;
        ImportResult r = read(csv, ImportOptions.auto());
        assertEquals(CsvFormat.NATIVE, r.format());
        assertEquals(1, r.pairs().size(), problems(r));
        var m = r.pairs().get(0).migration();
        assertEquals(Optional.of("10993"), m.destination().setting("port"));
        assertEquals(List.of("^INBOX$"), m.options().includeFolders());
        assertTrue(m.options().mirrorDeletions());
        String p = problems(r);
        assertTrue(p.contains("line 3") && p.contains("sometimes"), p);
        assertTrue(p.contains("line 3, column 9 (include): '([' is not a regular expression"), p);
        assertTrue(p.contains("line 3, column 10 (mirror): 'maybe' is not true or false"), p);

        ImportResult unknown = read("source.server,source.login,source.password,source.colour,destination.server,"
                + "destination.login,destination.password\nimaps://a.example.org,a,p,red,imaps://b.example.org,b,p\n",
                ImportOptions.auto());
        assertTrue(problems(unknown).contains("line 2, column 4 (source.colour): connector 'imap' has no setting 'colour'"),
                problems(unknown));
    }

    @Test
    void nativeFormatReadsTheCompressColumnOfEachSide() {
        String csv = """
                source.server,source.login,source.password,source.compress,destination.server,destination.login,destination.password,destination.compress
                imaps://a.example.org,alice,pa,on,imaps://b.example.org,alice2,pb,off
                imaps://a.example.org,bob,pb,fast,imaps://b.example.org,bob2,pb,on
                """;
        ImportResult r = read(csv, ImportOptions.auto());
        assertEquals(1, r.pairs().size(), problems(r));
        var m = r.pairs().get(0).migration();
        assertEquals(Optional.of("on"), m.source().setting("compress"));
        assertEquals(Optional.of("off"), m.destination().setting("compress"));
        assertTrue(problems(r).contains("line 3, column 4 (source.compress): Compression: 'fast' is not one of off, on, auto"),
                problems(r));
    }

    @Test
    void nativeFormatReadsTheGmailOptionsColumn() {
        String csv = """
                source.server,source.login,source.password,destination.server,destination.login,destination.password,gmail
                imaps://imap.gmail.com,alice,pa,imaps://b.example.org,alice,pb,"labels-as-keywords, skip-spam-trash"
                imaps://imap.gmail.com,bob,pa,imaps://b.example.org,bob,pb,
                imaps://imap.gmail.com,carol,pa,imaps://b.example.org,carol,pb,starred-as-folder
                """;
        ImportResult r = read(csv, ImportOptions.auto());
        assertEquals(2, r.pairs().size(), problems(r));
        assertEquals(new org.mailmigrator.core.model.GmailOptions(true, false, true),
                r.pairs().get(0).migration().options().gmail());
        assertEquals(org.mailmigrator.core.model.GmailOptions.DEFAULT, r.pairs().get(1).migration().options().gmail());
        String p = problems(r);
        assertTrue(p.contains("line 4, column 7 (gmail): 'starred-as-folder' is not a Gmail option (use "
                + "labels-as-keywords, important-keyword, skip-spam-trash)"), p);
    }

    @Test
    void nativeFormatReadsLimitsScheduleAndMappingsAndNamesWrongCells() {
        String csv = """
                source.server,source.login,source.password,destination.server,destination.login,destination.password,since,before,maxsize,notbefore,map,map
                imaps://a.example.org,alice,pa,imaps://b.example.org,alice,pb,2021-01-01,2024-01-01T12:00:00Z,25M,2030-01-02T03:04:00Z,Sent Items=Sent,Old=Archive/Old
                imaps://a.example.org,bob,pa,imaps://b.example.org,bob,pb,yesterday,,lots,,Sent Items,
                imaps://a.example.org,carol,pa,imaps://b.example.org,carol,pb,2024-01-01,2021-01-01,,,,
                """;
        ImportResult r = read(csv, ImportOptions.auto());
        assertEquals(1, r.pairs().size(), problems(r));
        var o = r.pairs().get(0).migration().options();
        assertEquals(Optional.of(java.time.Instant.parse("2021-01-01T00:00:00Z")), o.limits().since());
        assertEquals(Optional.of(java.time.Instant.parse("2024-01-01T12:00:00Z")), o.limits().before());
        assertEquals(Optional.of(25L << 20), o.limits().maxSize());
        assertEquals(Optional.of(java.time.Instant.parse("2030-01-02T03:04:00Z")), o.notBefore());
        assertEquals(java.util.Map.of("Sent Items", "Sent", "Old", "Archive/Old"), o.folderMap());
        String p = problems(r);
        assertTrue(p.contains("line 3, column 7 (since): 'yesterday' is not a date (2024-01-31)"), p);
        assertTrue(p.contains("line 3, column 9 (maxsize): 'lots' is not a size like 25M"), p);
        assertTrue(p.contains("line 3, column 11 (map): 'Sent Items' is not SOURCE=DESTINATION"), p);
        assertTrue(p.contains("line 4, column 8 (before): the date limits select nothing"), p);
    }

    @Test
    void windows1252AndMultiLineCellsKeepTrueLineNumbers() {
        String csv = "IMAP;imap.example.org;rené;pé;IMAP;dest.example.org;rené;pw\n"
                + "IMAP;imap.example.org;\"multi\nline\";pw;IMAP;dest.example.org;x;pw\n"
                + "IMAP;imap.example.org;zoé;pw;IMAP;;zoé;pw\n";
        ImportResult r = importer.read(csv.getBytes(Charset.forName("windows-1252")), ImportOptions.auto());
        assertEquals("windows-1252", r.charset());
        assertEquals(Optional.of("rené"), r.pairs().get(0).migration().source().setting("login"));
        assertEquals(Secret.of("pé"), r.pairs().get(0).sourcePassword());
        assertEquals(2, r.pairs().size(), problems(r));
        assertTrue(problems(r).contains("line 4, column 6 (destination server): the server is empty"), problems(r));
    }

    @Test
    void unknownFormatAndUnclosedQuoteAreReported() {
        assertTrue(problems(read("just some text\n", ImportOptions.auto())).contains("cannot tell the format"));
        ImportResult r = read("h1;u1;p1;h2;u2;p2;\nh1;\"u2;p;h2;u;p;\n", ImportOptions.auto());
        assertTrue(problems(r).contains("line 2") && problems(r).contains("unclosed quote"), problems(r));
    }
}
