package org.mailmigrator.autodetect.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailmigrator.autodetect.tests.Fixtures.found;
import static org.mailmigrator.autodetect.tests.Fixtures.notFound;
import static org.mailmigrator.autodetect.tests.Fixtures.server;
import static org.mailmigrator.autodetect.tests.Fixtures.step;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailmigrator.autodetect.Confidence;
import org.mailmigrator.autodetect.Detection;
import org.mailmigrator.autodetect.Detector;
import org.mailmigrator.autodetect.DetectorEnvironment;
import org.mailmigrator.autodetect.Protocol;
import org.mailmigrator.autodetect.ProviderRegistry;
import org.mailmigrator.autodetect.RedirectConfirmation;
import org.mailmigrator.autodetect.Source;
import org.mailmigrator.autodetect.Step.Outcome;
import org.xbill.DNS.SimpleResolver;

/** Step 3, MX records mapped to a provider's preset, against the loopback DNS responder. */
class MxTest {
    private static TestNet net;

    @BeforeAll
    static void start() throws Exception {
        net = new TestNet();
        net.dns.mx("workspace.test", 10, "alt1.aspmx.l.google.com").mx("workspace.test", 1, "aspmx.l.google.com");
        net.dns.mx("m365.test", 0, "m365-test.mail.protection.outlook.com");
        net.dns.mx("mxplan.test", 1, "mx1.mail.ovh.net").mx("mxplan.test", 5, "mx2.mail.ovh.net");
        net.dns.mx("exchange.test", 1, "mx1.mail.ovh.net").srv("_autodiscover._tcp.exchange.test", 0, 0, 443, "ex3.mail.ovh.net");
        net.dns.mx("emailpro.test", 1, "mx2.mail.ovh.net").srv("_autodiscover._tcp.emailpro.test", 0, 0, 443, "pro12.mail.ovh.net");
        net.dns.mx("thirdparty-customer.test", 1, "in1.mx.thirdparty.test");
        net.dns.mx("selfhosted.test", 1, "mx.selfhosted.test");
    }

    @AfterAll
    static void stop() throws Exception {
        net.close();
    }

    @Test
    void anMxAtGoogleMeansGmailWithItsAdvice() {
        try (Detector detector = net.detector()) {
            Detection.Found found = found(detector.detect("kim@workspace.test"), Source.MX);
            assertEquals(Confidence.MEDIUM, found.confidence());
            assertEquals("gmail", found.provider().orElseThrow().id());
            assertEquals("imap.gmail.com", server(found, Protocol.IMAP).host());
            assertTrue(String.join(" ", found.advice()).contains("app password"));
            step(found, Source.MX, Outcome.FOUND, "MX workspace.test", "aspmx.l.google.com belongs to Gmail");
        }
    }

    @Test
    void anMxAtMicrosoftMeansMicrosoft365WithEws() {
        try (Detector detector = net.detector()) {
            Detection.Found found = found(detector.detect("lea@m365.test"), Source.MX);
            assertEquals("https://outlook.office365.com/EWS/Exchange.asmx", server(found, Protocol.EWS).url());
        }
    }

    @Test
    void ovhMxWithoutAutodiscoverSrvIsMxPlan() {
        try (Detector detector = net.detector()) {
            Detection.Found found = found(detector.detect("max@mxplan.test"), Source.MX);
            assertEquals("ovh-mxplan", found.provider().orElseThrow().id());
            assertEquals("ssl0.ovh.net:993 tls", server(found, Protocol.IMAP).describe());
            step(found, Source.MX, Outcome.NOTHING, "SRV _autodiscover._tcp.mxplan.test", "no such name");
        }
    }

    @Test
    void ovhMxWithAnExchangeAutodiscoverTargetIsHostedExchangeWithItsServerNumber() {
        try (Detector detector = net.detector()) {
            Detection.Found found = found(detector.detect("nina@exchange.test"), Source.MX);
            assertEquals("ovh-exchange", found.provider().orElseThrow().id());
            assertEquals("https://ex3.mail.ovh.net/EWS/Exchange.asmx", server(found, Protocol.EWS).url());
            assertEquals("ex3.mail.ovh.net", server(found, Protocol.IMAP).host());
            Detection.Found pro = found(detector.detect("omar@emailpro.test"), Source.MX);
            assertEquals("ovh-emailpro", pro.provider().orElseThrow().id());
            assertEquals("pro12.mail.ovh.net:993 tls", server(pro, Protocol.IMAP).describe());
        }
    }

    @Test
    void aThirdPartyPresetIsFoundThroughItsMx() {
        try (Detector detector = net.detector()) {
            Detection.Found found = found(detector.detect("paul@thirdparty-customer.test"), Source.MX);
            assertEquals("test.thirdparty", found.provider().orElseThrow().id());
            assertEquals("Test advice of a third-party preset.", found.advice().get(0));
        }
    }

    @Test
    void anMxOfNoKnownProviderFindsNothingAndSaysWhichHosts() {
        try (Detector detector = net.detector()) {
            Detection detection = detector.detect("quinn@selfhosted.test");
            notFound(detection);
            step(detection, Source.MX, Outcome.NOTHING, "mx.selfhosted.test belong(s) to no known provider");
        }
    }

    @Test
    void aDnsTimeoutIsNamedWithTheQuestionAndTheStep() throws Exception {
        try (DnsResponder silent = new DnsResponder(true)) {
            SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), silent.port()));
            DetectorEnvironment base = net.environment(RedirectConfirmation.REFUSE);
            DetectorEnvironment env = new DetectorEnvironment(resolver, base.httpRoute(), base.sslContext(),
                    base.probePort(), base.timeout(), base.confirmation(), base.steps()).withTimeout(Duration.ofMillis(400));
            long start = System.nanoTime();
            try (Detector detector = new Detector(new ProviderRegistry(RegistryFactory.getRegistry()), env)) {
                Detection detection = detector.detect("rita@silent.test");
                notFound(detection);
                step(detection, Source.MX, Outcome.FAILED, "MX silent.test", "DNS query MX silent.test timed out");
                step(detection, Source.SRV, Outcome.FAILED, "_imaps._tcp.silent.test", "timed out");
            }
            assertTrue(silent.questions().contains("MX silent.test"), silent.questions().toString());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 15, "gives up in time");
        }
    }
}
