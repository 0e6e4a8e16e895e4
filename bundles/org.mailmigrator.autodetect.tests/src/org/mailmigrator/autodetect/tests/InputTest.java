package org.mailmigrator.autodetect.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailmigrator.autodetect.Detection;
import org.mailmigrator.autodetect.Detector;
import org.mailmigrator.autodetect.DetectorEnvironment;
import org.mailmigrator.autodetect.EmailAddress;
import org.mailmigrator.autodetect.ProviderRegistry;

/** Malformed addresses get a message naming the input; nothing is looked up and nothing is thrown. */
class InputTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "''|an empty e-mail address", "alice|'alice' is not an e-mail address",
            "alice@|'alice@' is not an e-mail address", "@example.org|'@example.org' is not an e-mail address",
            "al ice@example.org|'al ice@example.org' has spaces or brackets", "alice@localhost|'alice@localhost' has an invalid domain",
            "alice@exa..mple.org|'alice@exa..mple.org' has an invalid domain" })
    void aMalformedAddressIsReportedByName(String input, String message) {
        try (Detector detector = new Detector(new ProviderRegistry(RegistryFactory.getRegistry()), DetectorEnvironment.system().offline())) {
            Detection.Invalid invalid = assertInstanceOf(Detection.Invalid.class, detector.detect(input));
            assertTrue(invalid.message().startsWith(message), invalid.message());
            assertEquals(0, invalid.trail().size());
        }
    }

    @ParameterizedTest
    @CsvSource({ "Bob@Example.ORG,Bob,example.org", "  carol@bücher.example.  ,carol,xn--bcher-kva.example" })
    void addressesAreNormalised(String input, String local, String domain) {
        assertEquals(new EmailAddress(local, domain), EmailAddress.parse(input));
    }
}
