package org.mailmigrator.batch.jobs;

import java.util.List;

import org.mailmigrator.core.engine.MigrationSettings;

/**
 * How a run connects and what it does: {@code allowPlaintext} turns STARTTLS rows into plaintext (test
 * servers, legacy hosts), {@code trustSha256} pins certificates, {@code preflight} checks each row before
 * copying, {@code preflightOnly} stops there. The engine settings apply to every pair; the batch runs each
 * pair with one connection per side (parallelism comes from running many pairs at once).
 */
public record RunSettings(boolean allowPlaintext, List<String> trustSha256, boolean preflight, boolean preflightOnly,
        MigrationSettings engine) {

    public RunSettings {
        trustSha256 = List.copyOf(trustSha256);
    }

    public static RunSettings defaults() {
        return new RunSettings(false, List.of(), false, false, MigrationSettings.defaults());
    }

    public RunSettings withAllowPlaintext(boolean value) {
        return new RunSettings(value, trustSha256, preflight, preflightOnly, engine);
    }

    public RunSettings withPreflight(boolean value, boolean only) {
        return new RunSettings(allowPlaintext, trustSha256, value || only, only, engine);
    }

    public RunSettings withTrust(List<String> pins) {
        return new RunSettings(allowPlaintext, pins, preflight, preflightOnly, engine);
    }

    public RunSettings withEngine(MigrationSettings value) {
        return new RunSettings(allowPlaintext, trustSha256, preflight, preflightOnly, value);
    }
}
