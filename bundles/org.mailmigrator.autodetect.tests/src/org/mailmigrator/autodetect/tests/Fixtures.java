package org.mailmigrator.autodetect.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;

import org.mailmigrator.autodetect.Detection;
import org.mailmigrator.autodetect.Protocol;
import org.mailmigrator.autodetect.ServerSetting;
import org.mailmigrator.autodetect.Source;
import org.mailmigrator.autodetect.Step;

/** Answers the loopback servers give, and assertions that print the trail when they fail. */
final class Fixtures {

    private Fixtures() {
    }

    static String autoconfig(String imapHost) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <clientConfig version="1.1">
                  <emailProvider id="test">
                    <domain>test</domain>
                    <incomingServer type="imap">
                      <hostname>%s</hostname><port>993</port><socketType>SSL</socketType>
                      <username>%%EMAILADDRESS%%</username><authentication>password-cleartext</authentication>
                    </incomingServer>
                    <incomingServer type="pop3">
                      <hostname>pop.%%EMAILDOMAIN%%</hostname><port>995</port><socketType>SSL</socketType>
                      <username>%%EMAILLOCALPART%%</username>
                    </incomingServer>
                    <outgoingServer type="smtp">
                      <hostname>smtp.example.test</hostname><port>587</port><socketType>STARTTLS</socketType>
                      <username>%%EMAILADDRESS%%</username>
                    </outgoingServer>
                  </emailProvider>
                </clientConfig>
                """.formatted(imapHost);
    }

    static String autodiscover(String ewsUrl, String imapHost) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
                  <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
                    <Account>
                      <AccountType>email</AccountType>
                      <Action>settings</Action>
                      <Protocol><Type>EXCH</Type><Server>mbx.internal</Server><EwsUrl>%s</EwsUrl></Protocol>
                      <Protocol><Type>IMAP</Type><Server>%s</Server><Port>993</Port><SSL>on</SSL></Protocol>
                      <Protocol><Type>SMTP</Type><Server>%s</Server><Port>587</Port><SSL>on</SSL><Encryption>TLS</Encryption></Protocol>
                    </Account>
                  </Response>
                </Autodiscover>
                """.formatted(ewsUrl, imapHost, imapHost);
    }

    static String autodiscoverRedirect(String url) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
                  <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
                    <Account><AccountType>email</AccountType><Action>redirectUrl</Action><RedirectUrl>%s</RedirectUrl></Account>
                  </Response>
                </Autodiscover>
                """.formatted(url);
    }

    static Detection.Found found(Detection detection, Source expected) {
        if (!(detection instanceof Detection.Found found)) {
            return fail("expected settings from " + expected + " but got " + detection.getClass().getSimpleName()
                    + " with trail:\n" + trail(detection));
        }
        assertEquals(expected, found.source(), trail(detection));
        return found;
    }

    static Detection.NotFound notFound(Detection detection) {
        return assertInstanceOf(Detection.NotFound.class, detection, () -> trail(detection));
    }

    static ServerSetting server(Detection.Found found, Protocol protocol) {
        return found.server(protocol).orElseThrow(() -> new AssertionError("no " + protocol + " in " + found.servers()));
    }

    static String trail(Detection detection) {
        return detection.trail().stream().map(Step::toString).collect(Collectors.joining("\n"));
    }

    /** Asserts that some step of the trail has this source and outcome and mentions all the texts. */
    static Step step(Detection detection, Source source, Step.Outcome outcome, String... texts) {
        List<Step> steps = detection.trail().stream().filter(s -> s.source() == source && s.outcome() == outcome)
                .filter(s -> List.of(texts).stream().allMatch(t -> (s.tried() + " " + s.detail()).contains(t))).toList();
        assertTrue(!steps.isEmpty(), "no " + source + " " + outcome + " step mentioning " + List.of(texts) + " in\n"
                + trail(detection));
        return steps.get(0);
    }
}
