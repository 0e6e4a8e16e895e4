package org.mailmigrator.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.LimitAnswers;

/**
 * The providers' limit answers as they come back (Gmail's IMAP answers, Microsoft's IMAP and EWS fault text):
 * throttling with the suggested wait, a full mailbox, a message too big, and what is none of these.
 */
class LimitAnswersTest {

    private static long wait(String text) {
        return LimitAnswers.throttled("APPEND", text, null).map(ConnectorException.Throttled::backOffMillis).orElse(-1L);
    }

    @Test
    void throttlingAnswersAreThrottledWithTheSuggestedWait() {
        assertEquals(0, wait("[THROTTLED] Too many simultaneous connections"));
        assertEquals(0, wait("[OVERQUOTA] Account exceeded command or bandwidth limits. (Failure)"));
        assertEquals(0, wait("Session expired, please login again."));
        assertEquals(1500, wait("Request is throttled. Suggested Backoff Time: 1500 milliseconds"));
        assertEquals(3000, wait("The server cannot service this request right now. Suggested Backoff Time: 3 seconds"));
        assertEquals(-1, wait("[OVERQUOTA] Quota exceeded (mailbox for user is full)"), "a full mailbox is no throttle");
        assertEquals(-1, wait("[TRYCREATE] Mailbox doesn't exist"));
        assertEquals(-1, wait(null));
    }

    @Test
    void aFullMailboxIsNotGmailsBandwidthLimitAndNotAMessageTooBig() {
        assertTrue(LimitAnswers.mailboxFull("[OVERQUOTA] Quota exceeded (mailbox for user is full)"));
        assertTrue(LimitAnswers.mailboxFull("NO Mailbox is full"));
        assertFalse(LimitAnswers.mailboxFull("[OVERQUOTA] Account exceeded command or bandwidth limits."));
        assertFalse(LimitAnswers.mailboxFull("[TOOBIG] Message too large"));
        assertTrue(LimitAnswers.tooBig("[TOOBIG] Message too large"));
        assertTrue(LimitAnswers.tooBig("[LIMIT] Mail size is larger than the maximum size allowed by server configuration"));
        assertFalse(LimitAnswers.tooBig("[OVERQUOTA] Quota exceeded (mailbox for user is full)"));
    }
}
