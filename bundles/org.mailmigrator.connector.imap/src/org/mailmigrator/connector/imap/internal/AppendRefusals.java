package org.mailmigrator.connector.imap.internal;

import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.LimitAnswers;

/**
 * What a refused APPEND means for the run: a provider's "slow down" ({@code [THROTTLED]}, Gmail's bandwidth
 * {@code [OVERQUOTA]}, a suggested backoff) is throttling, so the message is sent again after the wait; anything
 * else (a full mailbox, {@code [TOOBIG]}, a malformed message) is this message's refusal, reported as a skip.
 */
final class AppendRefusals {
    private AppendRefusals() {
    }

    static ConnectorException of(String serverText, Exception cause, String who) {
        var throttled = LimitAnswers.throttled("APPEND on " + who, serverText, cause);
        if (throttled.isPresent()) {
            return throttled.get();
        }
        return new ConnectorException.ItemFailure("the destination refused the message: " + serverText, cause);
    }
}
