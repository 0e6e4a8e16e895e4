package org.mailmigrator.autodetect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.mailmigrator.autodetect.BatchReport.RowResult;

/**
 * Detects a whole batch with one lookup per domain: the first address of a domain is detected, the others reuse
 * its answer (logins are patterns). Domains are looked up in parallel. The cache lives as long as this object,
 * so a second batch of the same domains costs nothing.
 */
public final class BatchDetector {
    private final Detector detector;
    private final int parallelism;
    private final ConcurrentHashMap<String, CompletableFuture<Detection>> byDomain = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private static final String CANCELLED = "not looked up: the batch was cancelled";

    public BatchDetector(Detector detector, int parallelism) {
        this.detector = detector;
        this.parallelism = Math.max(1, parallelism);
    }

    /** Detections performed so far (one per domain), for reports and tests. */
    public int lookups() {
        return lookups.get();
    }

    public BatchReport detect(List<BatchRow> rows) {
        return detect(rows, BatchListener.NONE);
    }

    /** Detects every row, one lookup per domain, telling the listener as domains finish. */
    public BatchReport detect(List<BatchRow> rows, BatchListener listener) {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<EmailAddress> addresses = new ArrayList<>();
            Map<Integer, Detection.Invalid> invalid = new HashMap<>();
            for (BatchRow row : rows) {
                try {
                    addresses.add(EmailAddress.parse(row.address()));
                } catch (IllegalArgumentException e) {
                    invalid.put(addresses.size(), new Detection.Invalid(row.address(), e.getMessage()));
                    addresses.add(null);
                }
            }
            int total = (int) addresses.stream().filter(Objects::nonNull).map(EmailAddress::domain).distinct()
                    .filter(domain -> !byDomain.containsKey(domain)).count(); // cached domains cost nothing
            AtomicInteger done = new AtomicInteger();
            List<CompletableFuture<Detection>> pending = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                pending.add(invalid.containsKey(i) ? CompletableFuture.completedFuture(invalid.get(i))
                        : detect(addresses.get(i), pool, listener, done, total));
            }
            List<RowResult> results = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Detection detection = pending.get(i).join();
                results.add(new RowResult(rows.get(i), detection, problem(rows.get(i), detection)));
            }
            return new BatchReport(results, lookups());
        } finally {
            pool.shutdownNow();
        }
    }

    private CompletableFuture<Detection> detect(EmailAddress address, ExecutorService pool, BatchListener listener,
            AtomicInteger done, int total) {
        CompletableFuture<Detection> shared = byDomain.computeIfAbsent(address.domain(), domain -> CompletableFuture
                .supplyAsync(() -> {
                    if (listener.cancelled()) {
                        return cancelled(address);
                    }
                    lookups.incrementAndGet();
                    Detection detection = detector.detect(address.toString());
                    listener.domainDone(domain, detection, done.incrementAndGet(), total);
                    return detection;
                }, pool));
        return shared.thenApply(d -> {
            if (isCancelled(d)) {
                byDomain.remove(address.domain(), shared); // a later batch may still look this domain up
            }
            return switch (d) {
                case Detection.Found f -> f.forAddress(address);
                case Detection.NotFound n -> n.forAddress(address);
                case Detection.Invalid i -> i;
            };
        });
    }

    private static Detection cancelled(EmailAddress address) {
        return new Detection.NotFound(address, List.of(new Step(Source.PRESET, address.domain(), Step.Outcome.SKIPPED,
                CANCELLED)));
    }

    private static boolean isCancelled(Detection d) {
        return d.trail().size() == 1 && CANCELLED.equals(d.trail().get(0).detail());
    }

    private static Optional<String> problem(BatchRow row, Detection detection) {
        return switch (detection) {
            case Detection.Invalid i -> Optional.of("line " + row.line() + ": " + i.message());
            case Detection.NotFound n when isCancelled(n) -> Optional.of("line " + row.line() + ": " + n.input() + " " + CANCELLED);
            case Detection.NotFound n -> Optional.of("line " + row.line() + ": no settings found for " + n.input()
                    + " (" + n.trail().size() + " attempts; see the trail)");
            case Detection.Found f -> conflict(row, f);
        };
    }

    private static Optional<String> conflict(BatchRow row, Detection.Found found) {
        if (row.givenHost().isEmpty()) {
            return Optional.empty();
        }
        String given = row.givenHost().toLowerCase(Locale.ROOT);
        List<String> detected = found.servers().stream()
                .filter(s -> s.protocol() == Protocol.IMAP || s.protocol() == Protocol.POP3)
                .map(s -> s.host().toLowerCase(Locale.ROOT)).distinct().toList();
        if (detected.contains(given)) {
            return Optional.empty();
        }
        return Optional.of("line " + row.line() + ": the row says " + row.givenHost() + " but " + found.source().label()
                + " says " + String.join(", ", detected));
    }
}
