package org.mailmigrator.autodetect;

import java.util.ArrayList;
import java.util.List;
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

    public BatchDetector(Detector detector, int parallelism) {
        this.detector = detector;
        this.parallelism = Math.max(1, parallelism);
    }

    /** Detections performed so far (one per domain), for reports and tests. */
    public int lookups() {
        return lookups.get();
    }

    public BatchReport detect(List<BatchRow> rows) {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<CompletableFuture<Detection>> pending = new ArrayList<>();
            for (BatchRow row : rows) {
                pending.add(detect(row.address(), pool));
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

    private CompletableFuture<Detection> detect(String input, ExecutorService pool) {
        EmailAddress address;
        try {
            address = EmailAddress.parse(input);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Detection.Invalid(input, e.getMessage()));
        }
        CompletableFuture<Detection> shared = byDomain.computeIfAbsent(address.domain(), d -> CompletableFuture
                .supplyAsync(() -> {
                    lookups.incrementAndGet();
                    return detector.detect(address.toString());
                }, pool));
        return shared.thenApply(d -> switch (d) {
            case Detection.Found f -> f.forAddress(address);
            case Detection.NotFound n -> n.forAddress(address);
            case Detection.Invalid i -> i;
        });
    }

    private static Optional<String> problem(BatchRow row, Detection detection) {
        return switch (detection) {
            case Detection.Invalid i -> Optional.of("line " + row.line() + ": " + i.message());
            case Detection.NotFound n -> Optional.of("line " + row.line() + ": no settings found for " + n.input()
                    + " (tried " + n.trail().size() + " lookups; see the trail)");
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
