package org.mailmigrator.connector.ews.tests;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The EWS PROTOCOL FAKE's throttling of sync calls, as Exchange Online's EWS budget part {@code ConcurrentSyncCalls}:
 * SyncFolderItems and SyncFolderHierarchy requests of one mailbox (the impersonated one, else the login's) in flight
 * at once are counted; one above {@link #limit} is refused at once with ErrorServerBusy, a BackOffMilliseconds and the
 * text Exchange Online writes ("This operation exceeds the throttling budget for policy part 'ConcurrentSyncCalls',
 * policy value 'N', Budget type: 'Ews'. Suggested backoff time N ms.", as quoted from Exchange Online in
 * mustang-im/mustang#121 and OfficeDev/ews-managed-api#293; ErrorServerBusy with BackOffMilliseconds as Microsoft's
 * "EWS throttling in Exchange" describes it). The most calls of a mailbox ever accepted at once are kept
 * ({@link #max}). To make concurrency visible on a slow machine a test may hold each accepted SyncFolderItems until
 * {@link #holdUntil} calls of its mailbox are in flight, or until the first refusal ({@link #holdUntilRefused}), at most
 * {@link #holdMillis}.
 */
final class FakeThrottle {
    static final Set<String> SYNC = Set.of("SyncFolderItems", "SyncFolderHierarchy");

    /** The most sync calls of one mailbox accepted at once (no limit by default). */
    volatile int limit = Integer.MAX_VALUE;
    volatile long backOffMillis = 50;
    volatile int holdUntil;
    volatile boolean holdUntilRefused;
    volatile long holdMillis = 1000;
    final AtomicInteger refused = new AtomicInteger();
    private final Map<String, Integer> inFlight = new HashMap<>();
    private final Map<String, Integer> max = new HashMap<>();

    /** The most sync calls of {@code mailbox} accepted at once so far. */
    synchronized int max(String mailbox) {
        return max.getOrDefault(mailbox, 0);
    }

    /**
     * A sync call of {@code mailbox} arrives: its refusal (an ErrorServerBusy answer) when it is one too many, else null
     * once it may be answered; then {@link #leave} when answered.
     */
    synchronized String enter(String mailbox, String operation) throws InterruptedException {
        int now = inFlight.merge(mailbox, 1, Integer::sum);
        if (now > limit) {
            inFlight.merge(mailbox, -1, Integer::sum);
            refused.incrementAndGet();
            notifyAll();
            return Xml.response(operation, Xml.error(operation, "ErrorServerBusy",
                    "The server cannot service this request right now. Try again later.",
                    "<t:Value Name=\"BackOffMilliseconds\">" + backOffMillis + "</t:Value><t:Value Name=\"ErrorMessage\">"
                            + "This operation exceeds the throttling budget for policy part 'ConcurrentSyncCalls', policy value '"
                            + limit + "',  Budget type: 'Ews'.  Suggested backoff time " + backOffMillis + " ms.</t:Value>"));
        }
        max.merge(mailbox, now, Math::max);
        notifyAll();
        if (operation.equals("SyncFolderItems")) {
            long end = System.currentTimeMillis() + holdMillis;
            while ((holdUntil > 0 && inFlight.get(mailbox) < holdUntil || holdUntilRefused && refused.get() == 0)
                    && System.currentTimeMillis() < end) {
                wait(Math.max(1, end - System.currentTimeMillis()));
            }
        }
        return null;
    }

    synchronized void leave(String mailbox) {
        inFlight.merge(mailbox, -1, Integer::sum);
        notifyAll();
    }
}
