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
            mine.complete(decide(c));
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

    /** The certificate refused for a host in this process, to say so instead of the connector's exception text. */
    public Optional<UntrustedCertificate> refused(String host) {
        return Optional.ofNullable(refused.get(host.toLowerCase(java.util.Locale.ROOT)));
    }
}
