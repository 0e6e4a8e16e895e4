package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.ui.internal.trust.TrustedCertificates;
import org.mailmigrator.ui.internal.trust.UiConnectContext;
import org.osgi.framework.FrameworkUtil;

/**
 * A connector running in a background job meets a certificate nobody vouches for: the person is asked in a
 * dialog showing what identifies it, and "trust always" is remembered, "refuse" refuses.
 */
class CertificateQuestionTest {
    private static final String HOST = "mail.selfsigned.test";
    /** As printed by {@code openssl x509 -noout -fingerprint -sha256} for the fixture resources/selfsigned.pem. */
    private static final String FIXTURE_SHA256 =
            "B4:BE:00:EF:C6:B2:25:7B:AE:D5:24:89:14:F0:97:FC:18:3B:AE:E0:2E:70:57:C5:14:E1:DB:8F:63:C6:E8:73";

    @AfterEach
    void forget() {
        new TrustedCertificates().forget(HOST);
    }

    private static X509Certificate[] fixture() throws Exception {
        var bundle = FrameworkUtil.getBundle(CertificateQuestionTest.class);
        try (InputStream in = bundle.getEntry("resources/selfsigned.pem").openStream()) {
            return new X509Certificate[] { (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in) };
        }
    }

    /** Calls the context from a background thread, as a connector in a job does, answering in the dialog. */
    private static boolean askAndAnswer(UiConnectContext context, String button, Map<String, String> seen)
            throws Exception {
        X509Certificate[] chain = fixture();
        return CertificateDialogPage.answer(CompletableFuture.supplyAsync(() -> context.trustCertificate(HOST, chain)),
                button, seen);
    }

    @Test
    void showsWhatIdentifiesTheCertificateAndRemembersTrustAlways() throws Exception {
        var context = new UiConnectContext(Display.getCurrent(), Secret.of("pw"));
        var seen = new HashMap<String, String>();
        assertTrue(askAndAnswer(context, "Trust &always", seen));
        assertEquals(HOST, seen.get("Server"));
        assertEquals("O=Test Fixture,CN=mail.selfsigned.test", seen.get("Subject"), "RFC 2253 form");
        assertEquals(seen.get("Subject"), seen.get("Issuer"), "a self-signed certificate");
        assertEquals(FIXTURE_SHA256, seen.get("SHA-256"));
        var again = new HashMap<String, String>();
        assertTrue(askAndAnswer(new UiConnectContext(Display.getCurrent(), null), "Refuse", again));
        assertTrue(again.isEmpty(), "a certificate trusted always is not asked about again");
    }

    @Test
    void refuseRefusesAndTrustOnceIsNotRemembered() throws Exception {
        var context = new UiConnectContext(Display.getCurrent(), null);
        assertFalse(askAndAnswer(context, "&Refuse", new HashMap<String, String>()));
        assertTrue(askAndAnswer(context, "Trust &once", new HashMap<String, String>()));
        var asked = new HashMap<String, String>();
        assertFalse(askAndAnswer(context, "&Refuse", asked));
        assertFalse(asked.isEmpty(), "trust once is asked again next time");
    }
}
