package org.mailmigrator.connector.imap.internal;

import java.util.Locale;

/**
 * Whether a session's connections compress what they send and receive (COMPRESS=DEFLATE, RFC 4978), and what
 * happened when they asked. The account's setting {@code compress}: {@code off} (the default) never asks, {@code on}
 * asks whenever the server offers it. Not automatic, as measured (docs/imap-benchmark.md, round 32): mail is mostly
 * attachments that are already compressed (the benchmark corpus deflates to 0.71 of its size), deflating and
 * inflating cost ~30 ms of CPU a megabyte on a small machine, and over a 40 ms link with room to spare a compressed
 * copy took 20-30 % longer; only a narrow link (50 Mbit/s a connection) gained, 8-16 %. The round trip does not
 * tell the two apart, so the administrator who knows the link is narrow turns it on.
 * <p>
 * One instance per session, shared by its connections (Angus's properties carry it to {@link TolerantProtocol});
 * {@link #outcome()} tells the latest connection's result, in words for pre-flight and the run's log.
 */
final class Compression {
    /** The key under which the session's properties carry it. */
    static final String KEY = "org.mailmigrator.imap.compression";
    /**
     * Deflate's level for what this side sends (APPEND bodies to a destination, commands to a source): the
     * fastest; on the benchmark corpus it keeps 0.711 of the bytes against the default level's 0.691.
     */
    static final int LEVEL = 1;

    private final boolean on;
    private volatile String outcome;

    Compression(boolean on) {
        this.on = on;
        this.outcome = on ? "COMPRESS=DEFLATE not offered by the server: uncompressed" : "uncompressed (setting compress=off)";
    }

    /** The setting's value: {@code off} when empty; anything else but on/off is refused, naming it. */
    static boolean parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "", "off" -> false;
            case "on" -> true;
            default -> throw new IllegalArgumentException("setting 'compress' is '" + text.trim() + "'; expected on or off");
        };
    }

    /** After login: what the server offers, for a session that does not compress. */
    void offered(boolean byServer) {
        if (!on && byServer) {
            outcome = "uncompressed; the server offers COMPRESS=DEFLATE (setting compress=on would use it)";
        }
    }

    void compressed() {
        outcome = "COMPRESS=DEFLATE on (setting compress=on)";
    }

    void refused(String why) {
        outcome = "COMPRESS=DEFLATE refused by the server (" + why + "): uncompressed";
    }

    /** "COMPRESS=DEFLATE on (setting compress=on)", "uncompressed (setting compress=off)", ... */
    String outcome() {
        return outcome;
    }
}
