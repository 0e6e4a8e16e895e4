package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mailmigrator.connector.imap.internal.HeldBodies;

/** The memory the IMAP connector keeps big messages in: sized from the heap or the setting, never overdrawn. */
class HeldBodiesTest {
    private static final long MIB = 1L << 20;

    @Test
    void roomIsTakenWithinTheTotalAndGivenBackOnce() {
        HeldBodies held = withSetting("10");
        assertEquals(10 * MIB, held.total());
        long one = held.perMessage();
        assertTrue(one > 0 && one <= 10 * MIB, "one message: " + one);
        assertTrue(held.take(one + 1).isEmpty(), "a message above the limit for one goes to the file");
        assertTrue(held.take(0).isEmpty(), "a message of unknown size goes to the file");
        var first = held.take(6 * MIB).orElseThrow();
        assertTrue(held.take(5 * MIB).isEmpty(), "6 + 5 MiB would pass the 10 MiB");
        var second = held.take(4 * MIB).orElseThrow();
        assertEquals(10 * MIB, held.held());
        first.close();
        first.close();
        assertEquals(4 * MIB, held.held(), "closing twice gives the room back once");
        second.close();
        assertEquals(0, held.held());
    }

    @Test
    void zeroSpoolsEveryBigMessageAndTheDefaultFollowsTheHeap() {
        assertTrue(withSetting("0").take(2 * MIB).isEmpty());
        HeldBodies byHeap = withSetting(null);
        long max = Runtime.getRuntime().maxMemory();
        assertEquals(max / 8, byHeap.total());
        assertEquals(Math.min(32 * MIB, max / 16), byHeap.perMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withSetting("lots"));
        assertTrue(e.getMessage().startsWith(HeldBodies.PROPERTY + "=lots: a number of MiB"), e.getMessage());
    }

    private static HeldBodies withSetting(String mib) {
        if (mib == null) {
            System.clearProperty(HeldBodies.PROPERTY);
            return HeldBodies.forHeap();
        }
        System.setProperty(HeldBodies.PROPERTY, mib);
        try {
            return HeldBodies.forHeap();
        } finally {
            System.clearProperty(HeldBodies.PROPERTY);
        }
    }
}
