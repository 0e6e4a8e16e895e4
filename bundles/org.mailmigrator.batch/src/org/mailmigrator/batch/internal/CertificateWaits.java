package org.mailmigrator.batch.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.batch.jobs.CertificateGate;

/**
 * While a row's pass runs, shows "Waiting for your answer: certificate of HOST" on the row whenever the
 * certificate question of one of its hosts is open (asked by this row or another: every connection to that host
 * waits for the one answer), and takes it away once answered. Closing stops watching and clears the text.
 */
final class CertificateWaits implements AutoCloseable {
    private final AutoCloseable registration;
    private final Runnable clear;

    private CertificateWaits(AutoCloseable registration, Runnable clear) {
        this.registration = registration;
        this.clear = clear;
    }

    static CertificateWaits watch(CertificateGate gate, Collection<String> hosts, ProgressHub hub, String batch, String id) {
        if (gate == null) {
            return new CertificateWaits(() -> { }, () -> { });
        }
        Map<String, String> mine = new LinkedHashMap<>();
        hosts.stream().filter(h -> h != null && !h.isBlank()).forEach(h -> mine.putIfAbsent(h.toLowerCase(Locale.ROOT), h));
        Runnable update = () -> hub.waiting(batch, id, gate.waitingHosts().stream().filter(mine::containsKey).sorted()
                .findFirst().map(h -> CertificateGate.waitingText(mine.get(h))));
        AutoCloseable registration = gate.watch(update);
        update.run();
        return new CertificateWaits(registration, () -> hub.waiting(batch, id, Optional.empty()));
    }

    /** The sentence of a certificate this process refused for the source's or the destination's host, if any. */
    static Optional<String> refused(CertificateGate gate, org.mailmigrator.core.model.Migration migration,
            org.mailmigrator.batch.jobs.ConnectorFactory connectors) {
        if (gate == null) {
            return Optional.empty();
        }
        for (var a : java.util.List.of(migration.source(), migration.destination())) {
            var c = connectors.descriptor(a.connectorId()).flatMap(d -> d.endpointHost(a)).flatMap(gate::refused);
            if (c.isPresent()) {
                return c.map(org.mailmigrator.batch.jobs.UntrustedCertificate::sentence);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        try {
            registration.close();
        } catch (Exception e) {
            // removing a watcher from a list does not fail
        }
        clear.run();
    }
}
