package org.mailmigrator.autodetect.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailmigrator.autodetect.tests.Fixtures.found;
import static org.mailmigrator.autodetect.tests.Fixtures.notFound;
import static org.mailmigrator.autodetect.tests.Fixtures.server;
import static org.mailmigrator.autodetect.tests.Fixtures.step;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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
import org.mailmigrator.autodetect.tests.HttpsResponder.Reply;

/** Step 2, autoconfig over verified HTTPS, against the loopback HTTPS responder and the test CA. */
class AutoconfigTest {
    private static TestNet net;

    @BeforeAll
    static void start() throws Exception {
        net = new TestNet();
        net.https.reply("autoconfig.ac.test/mail/config-v1.1.xml", Reply.ok(Fixtures.autoconfig("imap.ac.test")));
        net.https.reply("wk.test/.well-known/autoconfig/mail/config-v1.1.xml", Reply.ok(Fixtures.autoconfig("imap.wk.test")));
        net.https.reply("autoconfig.broken.test/mail/config-v1.1.xml", Reply.ok("<clientConfig><emailProvider>"));
        net.https.reply("broken.test/.well-known/autoconfig/mail/config-v1.1.xml", Reply.ok("<html>hello</html>"));
        net.https.reply("autoconfig.moved.test/mail/config-v1.1.xml",
                Reply.redirect("https://config.elsewhere.test/moved.xml"));
        net.https.reply("config.elsewhere.test/moved.xml", Reply.ok(Fixtures.autoconfig("imap.elsewhere.test")));
        net.https.reply("autoconfig.inside.test/mail/config-v1.1.xml", Reply.redirect("https://cfg.inside.test/a.xml"));
        net.https.reply("cfg.inside.test/a.xml", Reply.ok(Fixtures.autoconfig("imap.inside.test")));
        net.https.reply("autoconfig.huge.test/mail/config-v1.1.xml", Reply.ok("<clientConfig>" + "x".repeat(2 << 20)));
        net.https.reply("autoconfig.owl.test/mail/config-v1.1.xml", Reply.ok(Fixtures.autoconfig("imap.owl.test").replace(
                "<outgoingServer", """
                <incomingServer type="exchange">
                  <hostname>mail.owl.test</hostname><port>443</port><username>%EMAILADDRESS%</username>
                  <socketType>SSL</socketType><authentication>OAuth2</authentication>
                  <owaURL>https://mail.owl.test/owa/</owaURL><ewsURL>https://mail.owl.test/EWS/Exchange.asmx</ewsURL>
                </incomingServer>
                <outgoingServer""")));
        net.rogueHost("autoconfig.tlsbad.test");
        net.https.reply("autoconfig.tlsbad.test/mail/config-v1.1.xml", Reply.ok(Fixtures.autoconfig("imap.tlsbad.test")));
        net.rogue.reply("autoconfig.tlsbad.test/mail/config-v1.1.xml", Reply.ok(Fixtures.autoconfig("imap.tlsbad.test")));
    }

    @AfterAll
    static void stop() throws Exception {
        net.close();
    }

    @Test
    void autoconfigAtTheAutoconfigHostIsReadWithItsPlaceholders() {
        try (Detector detector = net.detector()) {
            Detection.Found found = found(detector.detect("dave@ac.test"), Source.AUTOCONFIG);
            assertEquals(Confidence.HIGH, found.confidence());
            assertEquals(new ServerSetting(Protocol.IMAP, "imap.ac.test", 993, Security.TLS, "%EMAILADDRESS%", null),
                    server(found, Protocol.IMAP));
            ServerSetting pop = server(found, Protocol.POP3);
            assertEquals("pop.ac.test", pop.host(), "%EMAILDOMAIN% is filled in");
            assertEquals("dave", pop.loginFor(found.address()));
            assertEquals("smtp.example.test:587 starttls", server(found, Protocol.SMTP).describe());
            assertTrue(net.https.requests().stream().anyMatch(r -> r.method().equals("GET") && r.url().equals(
                    "https://autoconfig.ac.test/mail/config-v1.1.xml?emailaddress=dave%40ac.test")), net.https.requests().toString());
        }
    }

    @Test
    void theWellKnownLocationIsTriedSecond() {
        try (Detector detector = net.detector()) {
            Detection detection = detector.detect("erin@wk.test");
            assertEquals("imap.wk.test", server(found(detection, Source.AUTOCONFIG), Protocol.IMAP).host());
            step(detection, Source.AUTOCONFIG, Outcome.NOTHING, "https://autoconfig.wk.test/", "HTTP 404");
            step(detection, Source.AUTOCONFIG, Outcome.FOUND, "https://wk.test/.well-known/autoconfig/mail/config-v1.1.xml");
        }
    }

    @Test
    void malformedXmlIsNamedInTheTrailAndTheOtherStepsGoOn() {
        try (Detector detector = net.detector()) {
            Detection detection = detector.detect("frank@broken.test");
            notFound(detection);
            step(detection, Source.AUTOCONFIG, Outcome.FAILED, "https://autoconfig.broken.test/", "malformed autoconfig XML", "not well-formed XML");
            step(detection, Source.AUTOCONFIG, Outcome.FAILED, "https://broken.test/.well-known", "malformed autoconfig XML", "<html>, not <clientConfig>");
            step(detection, Source.MX, Outcome.NOTHING, "MX broken.test", "no such name");
            step(detection, Source.PROBE, Outcome.NOTHING, "imap.broken.test");
        }
    }

    @Test
    void aRedirectToAnotherDomainIsRefusedWithoutConfirmation() {
        try (Detector detector = net.detector(RedirectConfirmation.REFUSE)) {
            Detection detection = detector.detect("gina@moved.test");
            notFound(detection);
            step(detection, Source.AUTOCONFIG, Outcome.REFUSED, "config.elsewhere.test", "not confirmed");
            assertTrue(net.https.requests().stream().noneMatch(r -> r.url().contains("config.elsewhere.test")),
                    "nothing is asked from the other domain");
        }
    }

    @Test
    void aConfirmedRedirectIsFollowedAndTheQuestionNamesBothEnds() {
        List<String> asked = new CopyOnWriteArrayList<>();
        RedirectConfirmation yes = (address, host, why) -> asked.add(address + " -> " + host + ": " + why);
        try (Detector detector = net.detector(yes)) {
            Detection.Found found = found(detector.detect("hugo@moved.test"), Source.AUTOCONFIG);
            assertEquals("imap.elsewhere.test", server(found, Protocol.IMAP).host());
        }
        assertEquals(List.of("hugo@moved.test -> config.elsewhere.test: autoconfig redirect from "
                + "https://autoconfig.moved.test/mail/config-v1.1.xml?emailaddress=hugo%40moved.test to https://config.elsewhere.test/moved.xml"), asked);
    }

    @Test
    void aRedirectInsideTheDomainNeedsNoConfirmation() {
        try (Detector detector = net.detector(RedirectConfirmation.REFUSE)) {
            assertEquals("imap.inside.test", server(found(detector.detect("ivy@inside.test"), Source.AUTOCONFIG), Protocol.IMAP).host());
        }
    }

    @Test
    void anUntrustedCertificateIsATlsFailureNamedInTheTrail() {
        try (Detector detector = net.detector()) {
            Detection detection = detector.detect("jack@tlsbad.test");
            notFound(detection);
            step(detection, Source.AUTOCONFIG, Outcome.FAILED, "https://autoconfig.tlsbad.test/", "TLS failure at");
        }
    }

    @Test
    void anEndlessAnswerIsCutAndNamed() {
        try (Detector detector = net.detector()) {
            Detection detection = detector.detect("kai@huge.test");
            notFound(detection);
            step(detection, Source.AUTOCONFIG, Outcome.FAILED, "https://autoconfig.huge.test/", "is larger than 1024 kB");
        }
    }

    @Test
    void anExchangeEntryGivesItsEwsUrl() {
        try (Detector detector = net.detector()) {
            Detection.Found found = found(detector.detect("lou@owl.test"), Source.AUTOCONFIG);
            assertEquals("https://mail.owl.test/EWS/Exchange.asmx", server(found, Protocol.EWS).url());
            assertEquals("imap.owl.test", server(found, Protocol.IMAP).host(), "IMAP stays the first incoming server");
        }
    }
}
