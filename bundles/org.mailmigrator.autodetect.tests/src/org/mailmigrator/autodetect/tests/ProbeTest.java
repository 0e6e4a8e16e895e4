package org.mailmigrator.autodetect.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailmigrator.autodetect.tests.Fixtures.found;
import static org.mailmigrator.autodetect.tests.Fixtures.notFound;
import static org.mailmigrator.autodetect.tests.Fixtures.step;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailmigrator.autodetect.Confidence;
import org.mailmigrator.autodetect.Detection;
import org.mailmigrator.autodetect.Detector;
import org.mailmigrator.autodetect.Protocol;
import org.mailmigrator.autodetect.ProviderRegistry;
import org.mailmigrator.autodetect.RedirectConfirmation;
import org.mailmigrator.autodetect.Security;
import org.mailmigrator.autodetect.ServerSetting;
import org.mailmigrator.autodetect.Source;
import org.mailmigrator.autodetect.Step.Outcome;
import org.mailmigrator.autodetect.tests.GreetingServer.Kind;

/**
 * Step 6, the probe: guessed names resolved by the loopback DNS, standard ports mapped to greeting servers. The
 * IMAP server speaks TLS with the test CA's certificate; the SMTP server is plain with STARTTLS.
 */
class ProbeTest {
    private static TestNet net;
    private static GreetingServer imapTls;
    private static GreetingServer smtpStartTls;
    private static GreetingServer popPlainOnly;

    @BeforeAll
    static void start() throws Exception {
        net = new TestNet();
        imapTls = new GreetingServer(Kind.IMAP, TestPki.get().serverContext(), false);
        smtpStartTls = new GreetingServer(Kind.SMTP, null, true);
        popPlainOnly = new GreetingServer(Kind.POP3, null, false);
        net.probe(993, imapTls.port()).probe(587, smtpStartTls.port()).probe(110, popPlainOnly.port());
        net.dns.a("imap.probe.test").a("smtp.probe.test");
        net.dns.a("mail.clearonly.test");
        net.dns.a("imap.wrongname.test");
    }

    @AfterAll
    static void stop() throws Exception {
        net.close();
        imapTls.close();
        smtpStartTls.close();
        popPlainOnly.close();
    }

    @Test
    void theProbeFindsServersThatGreetOverVerifiedTlsOrOfferStarttls() {
        try (Detector detector = net.detector()) {
            Detection.Found found = found(detector.detect("zoe@probe.test"), Source.PROBE);
            assertEquals(Confidence.LOW, found.confidence());
            assertEquals(List.of(ServerSetting.of(Protocol.IMAP, "imap.probe.test", 993, Security.TLS),
                    ServerSetting.of(Protocol.SMTP, "smtp.probe.test", 587, Security.STARTTLS)), found.servers());
            step(found, Source.PROBE, Outcome.FOUND, "imap imap.probe.test:993 tls", "* OK Test IMAP ready");
            step(found, Source.PROBE, Outcome.NOTHING, "smtp smtp.probe.test:465 tls");
            assertTrue(found.trail().stream().noneMatch(s -> s.source() == Source.PROBE && s.tried().contains("pop")), "POP3 is not probed once IMAP answers");
        }
    }

    @Test
    void aServerWithoutStarttlsIsNotProposed() {
        try (Detector detector = net.detector()) {
            int before = popPlainOnly.connections();
            Detection detection = detector.detect("al@clearonly.test");
            notFound(detection);
            step(detection, Source.PROBE, Outcome.NOTHING, "pop3 mail.clearonly.test:110 starttls", "offers no STLS", "in clear");
            assertTrue(popPlainOnly.connections() > before);
        }
    }

    @Test
    void aCertificateForAnotherNameIsATlsFailure() {
        try (Detector detector = net.detector()) {
            // the test CA's certificate names imap.probe.test, not imap.wrongname.test: verification must fail
            Detection detection = detector.detect("bo@wrongname.test");
            notFound(detection);
            step(detection, Source.PROBE, Outcome.FAILED, "imap imap.wrongname.test:993 tls", "TLS failure");
        }
    }

    @Test
    void aServerThatNeverGreetsIsATimeoutNamedWithItsPort() throws Exception {
        try (TestNet quiet = new TestNet(); ServerSocket mute = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            quiet.probe(143, mute.getLocalPort()).dns.a("imap.mute.test"); // accepts, never greets
            var environment = quiet.environment(RedirectConfirmation.REFUSE).withTimeout(Duration.ofMillis(500));
            try (Detector detector = new Detector(new ProviderRegistry(RegistryFactory.getRegistry()), environment)) {
                Detection detection = detector.detect("cy@mute.test");
                notFound(detection);
                step(detection, Source.PROBE, Outcome.FAILED, "imap imap.mute.test:143 starttls", "no answer within 500 ms");
            }
        }
    }
}
