package org.mailmigrator.autodetect.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailmigrator.autodetect.tests.Fixtures.found;
import static org.mailmigrator.autodetect.tests.Fixtures.notFound;
import static org.mailmigrator.autodetect.tests.Fixtures.server;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailmigrator.autodetect.Confidence;
import org.mailmigrator.autodetect.Detection;
import org.mailmigrator.autodetect.Detector;
import org.mailmigrator.autodetect.Protocol;
import org.mailmigrator.autodetect.ProviderPreset;
import org.mailmigrator.autodetect.ProviderRegistry;
import org.mailmigrator.autodetect.RedirectConfirmation;
import org.mailmigrator.autodetect.Security;
import org.mailmigrator.autodetect.ServerSetting;
import org.mailmigrator.autodetect.Source;
import org.mailmigrator.autodetect.Step;

/** Step 1, the presets of the providers extension point: read from plugin.xml data, resolved with no network. */
class PresetsTest {
    private static TestNet net;
    private final ProviderRegistry registry = new ProviderRegistry(RegistryFactory.getRegistry());

    @BeforeAll
    static void start() throws Exception {
        net = new TestNet();
    }

    @AfterAll
    static void stop() throws Exception {
        net.close();
    }

    @Test
    void theBuiltInPresetsCoverTheProvidersOfTheIssue() {
        for (String id : List.of("ovh-mxplan", "ovh-emailpro", "ovh-exchange", "gmail", "microsoft365", "yahoo",
                "icloud", "gmx", "orange", "free", "zoho", "fastmail")) {
            ProviderPreset p = registry.find(id).orElseThrow(() -> new AssertionError("no preset " + id));
            assertEquals("org.mailmigrator.autodetect", p.contributor());
            assertTrue(p.servers().stream().anyMatch(s -> s.protocol() == Protocol.IMAP), id);
            assertTrue(p.servers().stream().anyMatch(s -> s.protocol() == Protocol.SMTP
                    && (s.port() == 587 && s.security() == Security.STARTTLS || s.port() == 465 && s.security() == Security.TLS)), id);
        }
        ProviderPreset exchange = registry.find("ovh-exchange").orElseThrow();
        assertEquals("https://ex{n}.mail.ovh.net/EWS/Exchange.asmx", exchange.servers().get(0).url());
        assertEquals("https://ex7.mail.ovh.net/EWS/Exchange.asmx",
                registry.byHost("ex7.mail.ovh.net").orElseThrow().servers().get(0).url());
        assertEquals("pro4.mail.ovh.net", registry.byHost("PRO4.mail.ovh.net.").orElseThrow().servers().get(0).host());
    }

    @Test
    void aPresetDomainResolvesWithNoNetworkAtAll() {
        try (Detector detector = net.detector()) {
            Detection.Found gmail = found(detector.detect("Alice.Martin@GMail.com"), Source.PRESET);
            assertEquals(Confidence.HIGH, gmail.confidence());
            assertEquals("gmail", gmail.provider().orElseThrow().id());
            ServerSetting imap = server(gmail, Protocol.IMAP);
            assertEquals(ServerSetting.of(Protocol.IMAP, "imap.gmail.com", 993, Security.TLS), imap);
            assertEquals("Alice.Martin@gmail.com", imap.loginFor(gmail.address()));
            assertEquals("smtp.gmail.com:587 starttls", server(gmail, Protocol.SMTP).describe());
            assertEquals(List.of(new Step(Source.PRESET, "gmail.com", Step.Outcome.FOUND, "Gmail / Google Workspace (preset 'gmail')")),
                    gmail.trail());
        }
        assertEquals(List.of(), net.dns.questions(), "no DNS question for a preset domain");
        assertEquals(List.of(), net.https.requests(), "no HTTP request for a preset domain");
    }

    @Test
    void offlineDetectionOfAnUnknownDomainSaysWhatItSkipped() {
        try (Detector detector = new Detector(registry, net.environment(RedirectConfirmation.REFUSE).offline())) {
            Detection.NotFound nothing = notFound(detector.detect("bob@nowhere-offline.test"));
            assertEquals(6, nothing.trail().size(), Fixtures.trail(nothing));
            assertEquals(5, nothing.trail().stream().filter(s -> s.outcome() == Step.Outcome.SKIPPED).count());
            Detection.Found icloud = found(detector.detect("carol@me.com"), Source.PRESET);
            assertEquals("carol", server(icloud, Protocol.IMAP).loginFor(icloud.address()), "iCloud logs in with the name part");
            assertEquals("https://caldav.icloud.com/", server(icloud, Protocol.CALDAV).url());
        }
        assertTrue(net.dns.questions().stream().noneMatch(q -> q.contains("offline")), net.dns.questions().toString());
    }

    @Test
    void gmailAndMicrosoftSayWhatWorksInsteadOfPasswords() {
        try (Detector detector = new Detector(registry, net.environment(RedirectConfirmation.REFUSE).offline())) {
            String gmail = String.join(" ", found(detector.detect("a@googlemail.com"), Source.PRESET).advice());
            assertTrue(gmail.contains("app password") && gmail.contains("2-Step Verification") && gmail.contains("OAuth2"), gmail);
            String microsoft = String.join(" ", found(detector.detect("a@hotmail.com"), Source.PRESET).advice());
            assertTrue(microsoft.contains("OAuth2") && microsoft.contains("XOAUTH2") && microsoft.contains("Microsoft Graph")
                    && microsoft.contains("1 April 2027"), microsoft);
            assertEquals("https://graph.microsoft.com/v1.0",
                    server(found(detector.detect("a@outlook.com"), Source.PRESET), Protocol.GRAPH).url());
            assertEquals("https://outlook.office365.com/EWS/Exchange.asmx",
                    server(found(detector.detect("a@outlook.com"), Source.PRESET), Protocol.EWS).url());
        }
    }

    @Test
    void gmailsWebLoginAlertIsExplained() {
        String alert = "a1 NO [ALERT] Please log in via your web browser: https://support.google.com/mail/accounts/answer/78754 (Failure)";
        String explained = registry.explainLoginFailure("imap.gmail.com", alert).orElseThrow();
        assertTrue(explained.startsWith("Gmail wants a login through its web page (web login required)"), explained);
        assertTrue(explained.contains("app password") && explained.contains(alert), explained);
        String webAlert = "a1 NO [WEBALERT https://accounts.google.com/signin/continue?sarp=1] Web login required.";
        assertTrue(registry.explainLoginFailure(null, webAlert).orElseThrow().contains("app password"));
        String microsoft = registry.explainLoginFailure("outlook.office365.com", "a1 NO AUTHENTICATE failed.").orElseThrow();
        assertTrue(microsoft.contains("OAuth2"), microsoft);
        assertEquals(Optional.empty(), registry.explainLoginFailure("imap.example.org", "a1 NO [AUTHENTICATIONFAILED] Invalid credentials"));
    }

    @Test
    void brokenContributionsAreSkippedListedAndLogged() {
        List<IStatus> logged = new CopyOnWriteArrayList<>();
        ILogListener listener = (status, plugin) -> logged.add(status);
        Platform.addLogListener(listener);
        ProviderRegistry fresh = new ProviderRegistry(RegistryFactory.getRegistry());
        try {
            fresh.providers();
        } finally {
            Platform.removeLogListener(listener);
        }
        List<String> problems = fresh.problems();
        assertEquals(5, problems.size(), problems.toString());
        assertProblem(problems, "test.bad-protocol", "unknown protocol 'gopher'");
        assertProblem(problems, "test.no-name", "attribute 'name' is missing");
        assertProblem(problems, "test.no-server", "declares no <server>");
        assertProblem(problems, "test.bad-port", "port 'nine' is not a number");
        assertProblem(problems, "test.thirdparty", "already contributed");
        assertEquals("Third-party test provider", fresh.find("test.thirdparty").orElseThrow().name(), "the first wins");
        assertEquals(5, logged.stream().filter(s -> s.getSeverity() == IStatus.WARNING)
                .filter(s -> s.getMessage().startsWith("Skipped a provider contribution")).count(), logged.toString());
    }

    private static void assertProblem(List<String> problems, String id, String reason) {
        assertTrue(problems.stream().anyMatch(p -> p.contains("'" + id + "'") && p.contains(reason)
                && p.contains("bundle org.mailmigrator.autodetect.tests")), id + " / " + reason + " in " + problems);
    }
}
