package org.mailmigrator.connector.ews.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;

/**
 * The sync calls (SyncFolderItems, SyncFolderHierarchy) of one mailbox in flight at once, for every session of one
 * connector instance (docs/ews-source.md, "Throttling"): at most {@code maxSyncCalls} (Exchange Online's throttling
 * policy part {@code ConcurrentSyncCalls}); a caller above it waits for a slot. A call Exchange refuses for its
 * throttling budget ({@code ErrorServerBusy}, {@code ErrorExceededConnectionCount}) gives its slot back, waits the
 * BackOffMilliseconds Exchange asked for (else {@value #DEFAULT_WAIT_MS} ms) and is sent again, at most
 * {@value #ATTEMPTS} times; when the refusal names the policy's value ("policy part 'ConcurrentSyncCalls', policy value
 * 'N'", as Exchange Online writes it) or is {@code ErrorExceededConnectionCount}, the gate lowers its own limit to what
 * the server allows, so that the next calls are not refused too.
 */
final class SyncGate {
    static final int ATTEMPTS = 8;
    static final long DEFAULT_WAIT_MS = 1000;
    private static final Pattern POLICY = Pattern.compile("'ConcurrentSyncCalls', policy value '(\\d{1,4})'");

    /** A sync request. */
    interface Call<T> {
        T run() throws Exception;
    }

    /** A semaphore whose number of slots can be lowered while callers hold some. */
    private static final class Slots extends Semaphore {
        private static final long serialVersionUID = 1L;

        Slots(int n) {
            super(n, true);
        }

        void lower(int by) {
            reducePermits(by);
        }
    }

    private final Slots slots;
    private int limit;

    SyncGate(int limit) {
        this.limit = Math.max(1, limit);
        this.slots = new Slots(this.limit);
    }

    /** The most sync calls this gate lets run at once now. */
    synchronized int limit() {
        return limit;
    }

    /** Runs a sync call within the limit, waiting out Exchange's throttling refusals. */
    <T> T run(Call<T> call) throws Exception {
        try {
            return attempts(call);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the run is being stopped: the caller sees it
            throw e;
        }
    }

    private <T> T attempts(Call<T> call) throws Exception {
        for (int attempt = 1;; attempt++) {
            Optional<Long> wait;
            slots.acquire();
            try {
                return call.run();
            } catch (ServiceResponseException e) {
                wait = throttled(e);
                if (wait.isEmpty() || attempt >= ATTEMPTS) {
                    throw e;
                }
            } finally {
                slots.release();
            }
            Thread.sleep(wait.get()); // without a slot: the others go on meanwhile
        }
    }

    /** How long Exchange asked to wait, when the refusal is a throttling one; the limit lowered when it names one. */
    private Optional<Long> throttled(ServiceResponseException e) {
        ServiceError code = e.getErrorCode();
        if (code != ServiceError.ErrorServerBusy && code != ServiceError.ErrorExceededConnectionCount) {
            return Optional.empty();
        }
        Map<String, String> details = e.getResponse() == null ? Map.of() : e.getResponse().getErrorDetails();
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        details.values().forEach(v -> text.append(' ').append(v));
        Matcher policy = POLICY.matcher(text);
        if (policy.find()) {
            lowerTo(Integer.parseInt(policy.group(1)));
        } else if (code == ServiceError.ErrorExceededConnectionCount) {
            lowerTo(limit() - 1);
        }
        String backOff = details.get("BackOffMilliseconds");
        return Optional.of(backOff != null && backOff.matches("\\d{1,9}") ? Long.parseLong(backOff) : DEFAULT_WAIT_MS);
    }

    private synchronized void lowerTo(int allowed) {
        int to = Math.max(1, allowed);
        if (to < limit) {
            slots.lower(limit - to);
            limit = to;
        }
    }
}
