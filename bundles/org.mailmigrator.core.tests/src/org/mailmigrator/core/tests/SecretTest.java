package org.mailmigrator.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mailmigrator.core.model.Secret;

/** A secret that slips into a message, a map dump or a log line shows as a mask. */
class SecretTest {

    @Test
    void neverPrintsItsValue() {
        Secret secret = Secret.of("hunter2");
        assertEquals("******", secret.toString());
        String dumped = "login failed for " + Map.of("password", secret) + " " + new IllegalStateException("pw=" + secret);
        assertFalse(dumped.contains("hunter2"), dumped);
        assertArrayEquals("hunter2".toCharArray(), secret.reveal());
    }

    @Test
    void revealGivesACopy() {
        Secret secret = Secret.of("abc");
        secret.reveal()[0] = 'x';
        assertEquals(Secret.of("abc"), secret);
    }
}
