package org.mailmigrator.autodetect.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mailmigrator.autodetect.tests.Fixtures.found;
import static org.mailmigrator.autodetect.tests.Fixtures.notFound;
import static org.mailmigrator.autodetect.tests.Fixtures.server;
import static org.mailmigrator.autodetect.tests.Fixtures.step;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailmigrator.autodetect.Confidence;
import org.mailmigrator.autodetect.Detection;
import org.mailmigrator.autodetect.Detector;
import org.mailmigrator.autodetect.Protocol;
import org.mailmigrator.autodetect.RedirectConfirmation;
import org.mailmigrator.autodetect.Security;
import org.mailmigrator.autodetect.ServerSetting;
import org.mailmigrator.autodetect.Source;
import org.mailmigrator.autodetect.Step.Outcome;

/** Step 4, RFC 6186 SRV records, against the loopback DNS responder. */
class SrvTest {
    private static TestNet net;

    @BeforeAll
    static void start() throws Exception {
        net = new TestNet();
        net.dns.srv("_imaps._tcp.srv.test", 10, 0, 993, "imap2.srv.test").srv("_imaps._tcp.srv.test", 0, 5, 993, "imap1.srv.test")
                .srv("_imap._tcp.srv.test", 0, 0, 143, "imap1.srv.test").srv("_pop3s._tcp.srv.test", 0, 0, 0, ".")
                .srv("_submission._tcp.srv.test", 0, 0, 587, "smtp.srv.test");
        net.dns.srv("_imaps._tcp.hosted.test", 0, 0, 993, "imap.bighost.test")
                .srv("_submission._tcp.hosted.test", 0, 0, 587, "smtp.hosted.test");
    }

    @AfterAll
    static void stop() throws Exception {
        net.close();
    }

    @Test
    void srvRecordsGiveServersInTheirOrder() {
        try (Detector detector = net.detector()) {
            Detection.Found found = found(detector.detect("sam@srv.test"), Source.SRV);
            assertEquals(Confidence.MEDIUM, found.confidence());
            assertEquals(ServerSetting.of(Protocol.IMAP, "imap1.srv.test", 993, Security.TLS), found.servers().get(0));
            assertEquals(ServerSetting.of(Protocol.IMAP, "imap1.srv.test", 143, Security.STARTTLS), found.servers().get(1));
            assertEquals(ServerSetting.of(Protocol.SMTP, "smtp.srv.test", 587, Security.STARTTLS), server(found, Protocol.SMTP));
            assertEquals(3, found.servers().size(), found.servers().toString());
            step(found, Source.SRV, Outcome.NOTHING, "_pop3s._tcp.srv.test", "not offered");
        }
    }

    @Test
    void anSrvTargetOutsideTheDomainIsRefusedWithoutConfirmation() {
        try (Detector detector = net.detector(RedirectConfirmation.REFUSE)) {
            Detection detection = detector.detect("tom@hosted.test");
            notFound(detection);
            step(detection, Source.SRV, Outcome.REFUSED, "imap.bighost.test", "SRV record _imaps._tcp.hosted.test points to imap.bighost.test");
        }
        try (Detector detector = net.detector(RedirectConfirmation.TRUST)) {
            Detection.Found found = found(detector.detect("tom@hosted.test"), Source.SRV);
            assertEquals("imap.bighost.test", server(found, Protocol.IMAP).host());
        }
    }
}
