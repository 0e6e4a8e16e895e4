package org.mailmigrator.core.tests.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.mailmigrator.core.mail.Fingerprint;

/** The identity that survives Cyrus's rewrite of 8-bit header bytes, and stays exact for everything else. */
class FingerprintTest {
    private static String of(byte[] header) {
        return Fingerprint.of(header, 0, header.length, 1000);
    }

    @Test
    void aHeaderRewrittenToXIsRecognisedButNotTakenForTheSameBytes() {
        byte[] original = "Subject: Größe\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] cyrus = "Subject: GrXXXXe\r\n\r\n".getBytes(StandardCharsets.US_ASCII); // one X per 8-bit byte
        assertEquals(original.length, cyrus.length);
        assertNotEquals(of(original), of(cyrus), "exact fingerprints differ: the copy is not byte-exact");
        assertTrue(Fingerprint.hasEightBitHeader(of(original)));
        assertFalse(Fingerprint.hasEightBitHeader(of(cyrus)));
        assertEquals(Fingerprint.tolerant(of(original)), Fingerprint.tolerant(of(cyrus)));
    }

    @Test
    void sevenBitHeadersKeepTheirFormerFingerprint() {
        byte[] plain = "Subject: hello\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertTrue(of(plain).matches("[0-9a-f]{32}:1000"), of(plain));
        assertEquals(of(plain), Fingerprint.tolerant(of(plain)));
        byte[] other = "Subject: hellO\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertNotEquals(Fingerprint.tolerant(of(plain)), Fingerprint.tolerant(of(other)));
    }
}
