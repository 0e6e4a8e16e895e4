package org.mailmigrator.autodetect.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailmigrator.autodetect.tests.Fixtures.found;
import static org.mailmigrator.autodetect.tests.Fixtures.notFound;
import static org.mailmigrator.autodetect.tests.Fixtures.server;
import static org.mailmigrator.autodetect.tests.Fixtures.step;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailmigrator.autodetect.Detection;
import org.mailmigrator.autodetect.Detector;
import org.mailmigrator.autodetect.Protocol;
import org.mailmigrator.autodetect.RedirectConfirmation;
import org.mailmigrator.autodetect.Security;
import org.mailmigrator.autodetect.Source;
import org.mailmigrator.autodetect.Step.Outcome;
import org.mailmigrator.autodetect.tests.HttpsResponder.Reply;

/** Step 5, Exchange Autodiscover (POX), against the loopback HTTPS and DNS responders. */
class AutodiscoverTest {
    private static TestNet net;

    @BeforeAll
    static void start() throws Exception {
        net = new TestNet();
        net.https.reply("autodiscover.ad.test/autodiscover/autodiscover.xml",
                Reply.ok(Fixtures.autodiscover("https://mail.ad.test/EWS/Exchange.asmx", "mail.ad.test")));
        net.https.reply("bare.test/autodiscover/autodiscover.xml",
                Reply.ok(Fixtures.autodiscover("https://owa.bare.test/EWS/Exchange.asmx", "owa.bare.test")));
        net.dns.srv("_autodiscover._tcp.srvad.test", 0, 0, 443, "ex3.mail.ovh.net");
        net.https.reply("ex3.mail.ovh.net/autodiscover/autodiscover.xml",
                Reply.ok(Fixtures.autodiscover("https://ex3.mail.ovh.net/EWS/Exchange.asmx", "ex3.mail.ovh.net")));
        net.https.reply("autodiscover.redir.test/autodiscover/autodiscover.xml",
                Reply.ok(Fixtures.autodiscoverRedirect("https://ad2.redir.test/autodiscover/autodiscover.xml")));
        net.https.reply("ad2.redir.test/autodiscover/autodiscover.xml",
                Reply.ok(Fixtures.autodiscover("https://ews.redir.test/EWS/Exchange.asmx", "imap.redir.test")));
        net.https.reply("autodiscover.locked.test/autodiscover/autodiscover.xml", new Reply(401, null, "login first"));
        net.https.reply("autodiscover.badxml.test/autodiscover/autodiscover.xml", Reply.ok("<Autodiscover><Response>"));
        net.https.reply("badxml.test/autodiscover/autodiscover.xml",
                Reply.ok("<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006\"><Response>"
                        + "<Error><ErrorCode>600</ErrorCode><Message>Invalid Request</Message></Error></Response></Autodiscover>"));
    }

    @AfterAll
    static void stop() throws Exception {
        net.close();
    }

    @Test
    void autodiscoverGivesTheEwsUrlAndTheMailServers() {
        try (Detector detector = net.detector()) {
            Detection.Found found = found(detector.detect("uma@ad.test"), Source.AUTODISCOVER);
            assertEquals("https://mail.ad.test/EWS/Exchange.asmx", server(found, Protocol.EWS).url());
            assertEquals("mail.ad.test:993 tls", server(found, Protocol.IMAP).describe());
            assertEquals(Security.STARTTLS, server(found, Protocol.SMTP).security());
            assertTrue(net.https.requests().stream().anyMatch(r -> r.method().equals("POST")
                    && r.body().contains("<EMailAddress>uma@ad.test</EMailAddress>")), net.https.requests().toString());
        }
    }

    @Test
    void theDomainItselfIsAskedAfterTheAutodiscoverHost() {
        try (Detector detector = net.detector()) {
            Detection detection = detector.detect("vic@bare.test");
            assertEquals("https://owa.bare.test/EWS/Exchange.asmx", server(found(detection, Source.AUTODISCOVER), Protocol.EWS).url());
            step(detection, Source.AUTODISCOVER, Outcome.NOTHING, "https://autodiscover.bare.test/", "HTTP 404");
        }
    }

    @Test
    void theSrvTargetOutsideTheDomainNeedsConfirmation() {
        try (Detector detector = net.detector(RedirectConfirmation.REFUSE)) {
            Detection detection = detector.detect("wes@srvad.test");
            notFound(detection);
            step(detection, Source.AUTODISCOVER, Outcome.REFUSED, "ex3.mail.ovh.net", "_autodiscover._tcp.srvad.test");
        }
        try (Detector detector = net.detector(RedirectConfirmation.TRUST)) {
            Detection.Found found = found(detector.detect("wes@srvad.test"), Source.AUTODISCOVER);
            assertEquals("https://ex3.mail.ovh.net/EWS/Exchange.asmx", server(found, Protocol.EWS).url());
            assertEquals("ovh-exchange", found.provider().orElseThrow().id(), "the EWS host is recognised");
        }
    }

    @Test
    void aRedirectUrlInsideTheDomainIsFollowed() {
        try (Detector detector = net.detector()) {
            Detection detection = detector.detect("xia@redir.test");
            assertEquals("https://ews.redir.test/EWS/Exchange.asmx", server(found(detection, Source.AUTODISCOVER), Protocol.EWS).url());
            step(detection, Source.AUTODISCOVER, Outcome.NOTHING, "redirectUrl to https://ad2.redir.test/");
        }
    }

    @Test
    void anAnswerThatAsksForCredentialsYieldsNothingAndNoCredentialsAreSent() {
        try (Detector detector = net.detector()) {
            Detection detection = detector.detect("yan@locked.test");
            notFound(detection);
            step(detection, Source.AUTODISCOVER, Outcome.NOTHING, "HTTP 401", "none are sent");
        }
    }

    @Test
    void malformedXmlAndAutodiscoverErrorsAreNamed() {
        try (Detector detector = net.detector()) {
            Detection detection = detector.detect("zed@badxml.test");
            notFound(detection);
            step(detection, Source.AUTODISCOVER, Outcome.FAILED, "https://autodiscover.badxml.test/", "malformed Autodiscover XML");
            step(detection, Source.AUTODISCOVER, Outcome.NOTHING, "https://badxml.test/", "error 600: Invalid Request");
        }
    }
}
