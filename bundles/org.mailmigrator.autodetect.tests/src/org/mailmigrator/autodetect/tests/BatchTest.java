package org.mailmigrator.autodetect.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailmigrator.autodetect.AddressCsv;
import org.mailmigrator.autodetect.BatchDetector;
import org.mailmigrator.autodetect.BatchListener;
import org.mailmigrator.autodetect.BatchReport;
import org.mailmigrator.autodetect.BatchRow;
import org.mailmigrator.autodetect.Detection;
import org.mailmigrator.autodetect.Detector;
import org.mailmigrator.autodetect.Protocol;
import org.mailmigrator.autodetect.Source;

/** A whole CSV detected in parallel with one lookup per domain, and the report of rows that need a person. */
class BatchTest {
    private static final int DOMAINS = 20;
    private static TestNet net;

    @BeforeAll
    static void start() throws Exception {
        net = new TestNet();
        for (int d = 0; d < DOMAINS; d++) {
            net.dns.mx("d" + d + ".batch.test", 1, d % 2 == 0 ? "mx1.mail.ovh.net" : "aspmx.l.google.com");
        }
        net.dns.mx("p1.batch.test", 1, "aspmx.l.google.com").mx("p2.batch.test", 1, "mx1.mail.ovh.net");
    }

    @AfterAll
    static void stop() throws Exception {
        net.close();
    }

    @Test
    void aThousandRowsOverTwentyDomainsCostTwentyLookups() throws Exception {
        StringBuilder csv = new StringBuilder("source_email;source_password;destination_email\n");
        for (int row = 0; row < 1000; row++) {
            csv.append("user").append(row).append("@d").append(row % DOMAINS).append(".batch.test;secret;x@y.test\n");
        }
        List<BatchRow> rows = AddressCsv.read(new StringReader(csv.toString()));
        assertEquals(1000, rows.size());
        assertEquals(new BatchRow(2, "user0@d0.batch.test", ""), rows.get(0));
        try (Detector detector = net.detector()) {
            BatchDetector batch = new BatchDetector(detector, 8);
            BatchReport report = batch.detect(rows);
            assertEquals(DOMAINS, report.domainLookups());
            assertEquals(List.of(), report.problems());
            for (int d = 0; d < DOMAINS; d++) {
                assertEquals(1, net.dns.count("MX d" + d + ".batch.test"), "one MX question for domain " + d);
            }
            assertEquals(DOMAINS * 2, net.https.requests().stream().filter(r -> r.url().matches("https://(autoconfig\\.)?d\\d+\\.batch\\.test/.*")).count(),
                    "two autoconfig requests per domain");
            Detection.Found row7 = assertInstanceOf(Detection.Found.class, report.rows().get(7).detection());
            assertEquals("user7@d7.batch.test", row7.address().toString());
            assertEquals("user7@d7.batch.test", row7.server(Protocol.IMAP).orElseThrow().loginFor(row7.address()));
            assertEquals("imap.gmail.com", row7.server(Protocol.IMAP).orElseThrow().host());
            assertEquals(Source.MX, row7.source());
            batch.detect(rows.subList(0, 50));
            assertEquals(DOMAINS, batch.lookups(), "the per-domain cache answers a second batch");
        }
    }

    @Test
    void theReportListsRowsNotFoundInvalidOrInConflict() throws Exception {
        String csv = """
                Email,Password,Host
                ann@p1.batch.test,pw,imap.gmail.com
                ben@p2.batch.test,pw,imap.other.test
                not-an-address,pw,
                cat@unknown.batch.test,pw,
                dan@gmail.com,pw,
                """;
        try (Detector detector = net.detector()) {
            BatchReport report = new BatchDetector(detector, 4).detect(AddressCsv.read(new StringReader(csv)));
            List<String> problems = report.problems().stream().map(r -> r.problem().orElseThrow()).toList();
            assertEquals(3, problems.size(), problems.toString());
            assertEquals("line 3: the row says imap.other.test but MX records mapped to a provider says ssl0.ovh.net", problems.get(0));
            assertEquals("line 4: 'not-an-address' is not an e-mail address (expected name@domain)", problems.get(1));
            assertTrue(problems.get(2).startsWith("line 5: no settings found for cat@unknown.batch.test"), problems.get(2));
            assertEquals(4, report.domainLookups(), "p1, p2, unknown and gmail.com; the invalid row is not looked up");
            assertEquals(5, report.rows().size());
        }
    }

    @Test
    void aCsvWithoutAnAddressColumnIsNamed() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AddressCsv.read(new StringReader("name,password\nann,pw\n")));
        assertTrue(e.getMessage().startsWith("no address column in the CSV header 'name,password'"), e.getMessage());
    }

    @Test
    void aSpreadsheetCsvWithAByteOrderMarkEmptyLinesAndAHostColumnIsReadWithTrueLineNumbers() throws Exception {
        List<BatchRow> rows = AddressCsv.read(new StringReader("\uFEFFE-mail;Mot de passe;IMAP_Host\nann@x.test;pw;imap.x.test\n\nbob@y.test;pw;\nmulti@z.test;\"two\nlines\";\n"));
        assertEquals(List.of(new BatchRow(2, "ann@x.test", "imap.x.test"), new BatchRow(4, "bob@y.test", ""), new BatchRow(5, "multi@z.test", "")), rows);
    }

    @Test
    void aListenerHearsEachDomainAndCanCancelTheRest() throws Exception {
        List<BatchRow> rows = new java.util.ArrayList<>();
        for (int row = 0; row < 100; row++) {
            rows.add(new BatchRow(row + 2, "u" + row + "@c" + (row % 10) + ".cancel.test", ""));
        }
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        BatchListener stopAfterFour = new BatchListener() {
            @Override
            public void domainDone(String domain, Detection detection, int done, int total) {
                heard.add(domain + " " + done + "/" + total);
            }

            @Override
            public boolean cancelled() {
                return heard.size() >= 4;
            }
        };
        try (Detector detector = net.detector()) {
            BatchDetector batch = new BatchDetector(detector, 1);
            BatchReport report = batch.detect(rows, stopAfterFour);
            assertEquals(List.of("c0.cancel.test 1/10", "c1.cancel.test 2/10", "c2.cancel.test 3/10", "c3.cancel.test 4/10"), heard);
            assertEquals(4, report.domainLookups());
            assertEquals(100, report.problems().size(), "not found (4 domains) or cancelled (6)");
            assertEquals("line 6: u4@c4.cancel.test not looked up: the batch was cancelled", report.problems().get(4).problem().orElseThrow());
            heard.clear();
            batch.detect(rows.subList(0, 6), BatchListener.NONE);
            assertEquals(6, batch.lookups(), "cancelled domains are looked up by a later batch; the others come from the cache");
        }
    }
}
