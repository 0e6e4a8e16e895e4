package org.mailmigrator.batch.jobs;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * One question per host and certificate for a whole process: the first connection that meets a certificate
 * nothing vouches for asks; every other connection to that host (other rows, other sides, the pre-flight) waits
 * for that answer instead of asking again, so the host's rows pause until the person decides. "Once" holds
 * for this process, "always" is also stored in the workspace ({@link TrustedPins}), "refuse" holds for this
 * process and the rows fail with {@link UntrustedCertificate#sentence()}.
 */
public final class CertificateGate {
    private final CertificateQuestion question;
    private final TrustedPins pins;
    private final Map<String, CompletableFuture<Boolean>> answers = new ConcurrentHashMap<>();
    private final Map<String, UntrustedCertificate> refused = new ConcurrentHashMap<>();
    /** Hosts whose question is open (lower case), with how many questions: their rows wait for the person. */
    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    private final java.util.List<Runnable> watchers = new java.util.concurrent.CopyOnWriteArrayList<>();

    public CertificateGate(CertificateQuestion question, TrustedPins pins) {
        this.question = question;
        this.pins = pins;
    }

    /** What a connector's trust manager asks (the JDK and the pins said no). */
    public boolean trust(String host, X509Certificate[] chain) {
        if (chain == null || chain.length == 0) {
            return false;
        }
        UntrustedCertificate c = UntrustedCertificate.of(host, chain[0]);
        if (pins != null && pins.pins().contains(TrustedPins.normalize(c.sha256()))) {
            return true;
        }
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> answer = answers.putIfAbsent(host + " " + c.sha256(), mine);
        if (answer == null) {
            String key = host.toLowerCase(java.util.Locale.ROOT);
            open.merge(key, 1, Integer::sum);
            tell();
            try {
                mine.complete(decide(c));
            } finally {
                open.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
                tell();
            }
            answer = mine;
        }
        try {
            boolean yes = answer.get();
            if (!yes) {
                refused.put(host.toLowerCase(java.util.Locale.ROOT), c);
            }
            return yes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    private boolean decide(UntrustedCertificate c) {
        CertificateQuestion.Answer a;
        try {
            a = question.ask(c);
        } catch (RuntimeException e) {
            a = CertificateQuestion.Answer.REFUSE;
        }
        if (a == CertificateQuestion.Answer.ALWAYS && pins != null) {
            try {
                pins.add(c);
            } catch (IOException e) {
                // trusted for this process still; the next one asks again
            }
        }
        return a != CertificateQuestion.Answer.REFUSE;
    }

    /** The hosts (lower case) whose certificate question waits for the person's answer now. */
    public java.util.Set<String> waitingHosts() {
        return java.util.Set.copyOf(open.keySet());
    }

    /** The sentence a row waiting on {@code host}'s question shows instead of its status. */
    public static String waitingText(String host) {
        return "Waiting for your answer: certificate of " + host;
    }

    /**
     * Calls {@code watcher} whenever a question opens or is answered (on the asking thread); closing the result
     * stops it. Rows use it to show that they wait for the person, not for a server.
     */
    public AutoCloseable watch(Runnable watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    private void tell() {
        for (Runnable w : watchers) {
            try {
                w.run();
            } catch (RuntimeException e) {
                // a row's display must not change the answer
            }
        }
    }

    /** The certificate refused for a host in this process, to say so instead of the connector's exception text. */
    public Optional<UntrustedCertificate> refused(String host) {
        return Optional.ofNullable(refused.get(host.toLowerCase(java.util.Locale.ROOT)));
    }
}
