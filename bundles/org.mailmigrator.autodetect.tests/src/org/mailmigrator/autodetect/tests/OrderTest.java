package org.mailmigrator.autodetect.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailmigrator.autodetect.tests.Fixtures.found;
import static org.mailmigrator.autodetect.tests.Fixtures.server;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailmigrator.autodetect.Detection;
import org.mailmigrator.autodetect.Detector;
import org.mailmigrator.autodetect.Protocol;
import org.mailmigrator.autodetect.Source;
import org.mailmigrator.autodetect.Step;
import org.mailmigrator.autodetect.tests.GreetingServer.Kind;
import org.mailmigrator.autodetect.tests.HttpsResponder.Reply;

/** Steps in combination: each domain answers to two steps, and the earlier step wins without asking the later. */
class OrderTest {
    private static TestNet net;
    private static GreetingServer imap;

    @BeforeAll
    static void start() throws Exception {
        net = new TestNet();
        imap = new GreetingServer(Kind.IMAP, TestPki.get().serverContext(), false);
        net.probe(993, imap.port());
        // a preset domain with everything else too
        net.https.reply("autoconfig.gmail.com/mail/config-v1.1.xml", Reply.ok(Fixtures.autoconfig("imap.wrong.test")));
        net.dns.mx("gmail.com", 1, "mx.wrong.test");
        // autoconfig + MX
        net.https.reply("autoconfig.o1.test/mail/config-v1.1.xml", Reply.ok(Fixtures.autoconfig("imap.o1.test")));
        net.dns.mx("o1.test", 1, "aspmx.l.google.com");
        // MX + SRV
        net.dns.mx("o2.test", 1, "aspmx.l.google.com").srv("_imaps._tcp.o2.test", 0, 0, 993, "imap.o2.test");
        // SRV + Autodiscover
        net.dns.srv("_imaps._tcp.o3.test", 0, 0, 993, "imap.o3.test");
        net.https.reply("autodiscover.o3.test/autodiscover/autodiscover.xml",
                Reply.ok(Fixtures.autodiscover("https://mail.o3.test/EWS/Exchange.asmx", "mail.o3.test")));
        // Autodiscover + probe
        net.https.reply("autodiscover.o4.test/autodiscover/autodiscover.xml",
                Reply.ok(Fixtures.autodiscover("https://mail.o4.test/EWS/Exchange.asmx", "mail.o4.test")));
        net.dns.a("imap.o4.test");
        // probe only
        net.dns.a("imap.order.test");
    }

    @AfterAll
    static void stop() throws Exception {
        net.close();
        imap.close();
    }

    @Test
    void aPresetWinsOverEverythingAndAsksNothing() {
        try (Detector detector = net.detector()) {
            assertEquals("imap.gmail.com", server(found(detector.detect("a@gmail.com"), Source.PRESET), Protocol.IMAP).host());
        }
        assertEquals(0, net.dns.count("MX gmail.com"));
        assertTrue(net.https.requests().stream().noneMatch(r -> r.url().contains("gmail.com")));
    }

    @Test
    void autoconfigWinsOverMx() {
        try (Detector detector = net.detector()) {
            assertEquals("imap.o1.test", server(found(detector.detect("a@o1.test"), Source.AUTOCONFIG), Protocol.IMAP).host());
        }
        assertEquals(0, net.dns.count("MX o1.test"));
    }

    @Test
    void mxWinsOverSrv() {
        try (Detector detector = net.detector()) {
            assertEquals("imap.gmail.com", server(found(detector.detect("a@o2.test"), Source.MX), Protocol.IMAP).host());
        }
        assertEquals(0, net.dns.count("SRV _imaps._tcp.o2.test"));
    }

    @Test
    void srvWinsOverAutodiscover() {
        try (Detector detector = net.detector()) {
            assertEquals("imap.o3.test", server(found(detector.detect("a@o3.test"), Source.SRV), Protocol.IMAP).host());
        }
        assertTrue(net.https.requests().stream().noneMatch(r -> r.url().startsWith("https://autodiscover.o3.test")));
    }

    @Test
    void autodiscoverWinsOverTheProbe() {
        int before = imap.connections();
        try (Detector detector = net.detector()) {
            assertEquals("mail.o4.test", server(found(detector.detect("a@o4.test"), Source.AUTODISCOVER), Protocol.IMAP).host());
        }
        assertEquals(0, net.dns.count("A imap.o4.test"));
        assertEquals(before, imap.connections());
    }

    @Test
    void whenOnlyTheProbeAnswersTheTrailShowsEveryStepInOrder() {
        try (Detector detector = net.detector()) {
            Detection.Found found = found(detector.detect("a@order.test"), Source.PROBE);
            List<Source> order = found.trail().stream().map(Step::source).distinct().toList();
            assertEquals(List.of(Source.PRESET, Source.AUTOCONFIG, Source.MX, Source.SRV, Source.AUTODISCOVER, Source.PROBE),
                    order, Fixtures.trail(found));
            assertEquals("imap.order.test", server(found, Protocol.IMAP).host());
        }
    }
}
