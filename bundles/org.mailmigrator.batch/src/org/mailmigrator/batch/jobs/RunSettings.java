package org.mailmigrator.batch.jobs;

import java.util.List;

import org.mailmigrator.core.engine.MigrationSettings;

/**
 * How a run connects and what it does: {@code allowPlaintext} turns STARTTLS rows into plaintext (test
 * servers, legacy hosts), {@code trustSha256} pins certificates, {@code preflight} checks each row before
 * copying, {@code preflightOnly} stops there. The engine settings apply to every pair; the batch runs each
 * pair with one connection per side (parallelism comes from running many pairs at once). {@code certificates}
 * (may be null: refuse) answers for certificates nothing vouches for.
 */
public record RunSettings(boolean allowPlaintext, List<String> trustSha256, boolean preflight, boolean preflightOnly,
        MigrationSettings engine, int connectionsPerSession, CertificateGate certificates) {

    /**
     * What one connector session may hold open on its server: an IMAP session on Angus Mail has the store's
     * connection and, while a folder is selected, the folder's own (its connection pool), so 2.
     */
    public static final int IMAP_CONNECTIONS_PER_SESSION = 2;

    public RunSettings {
        trustSha256 = List.copyOf(trustSha256);
        if (connectionsPerSession < 1) {
            throw new IllegalArgumentException("connections per session must be at least 1");
        }
    }

    public RunSettings(boolean allowPlaintext, List<String> trustSha256, boolean preflight, boolean preflightOnly,
            MigrationSettings engine) {
        this(allowPlaintext, trustSha256, preflight, preflightOnly, engine, IMAP_CONNECTIONS_PER_SESSION, null);
    }

    public RunSettings(boolean allowPlaintext, List<String> trustSha256, boolean preflight, boolean preflightOnly,
            MigrationSettings engine, int connectionsPerSession) {
        this(allowPlaintext, trustSha256, preflight, preflightOnly, engine, connectionsPerSession, null);
    }

    public RunSettings withCertificates(CertificateGate gate) {
        return new RunSettings(allowPlaintext, trustSha256, preflight, preflightOnly, engine, connectionsPerSession, gate);
    }

    public static RunSettings defaults() {
        return new RunSettings(false, List.of(), false, false, MigrationSettings.defaults());
    }

    public RunSettings withAllowPlaintext(boolean value) {
        return new RunSettings(value, trustSha256, preflight, preflightOnly, engine, connectionsPerSession, certificates);
    }

    public RunSettings withPreflight(boolean value, boolean only) {
        return new RunSettings(allowPlaintext, trustSha256, value || only, only, engine, connectionsPerSession, certificates);
    }

    public RunSettings withTrust(List<String> pins) {
        return new RunSettings(allowPlaintext, pins, preflight, preflightOnly, engine, connectionsPerSession, certificates);
    }

    public RunSettings withEngine(MigrationSettings value) {
        return new RunSettings(allowPlaintext, trustSha256, preflight, preflightOnly, value, connectionsPerSession, certificates);
    }
}
