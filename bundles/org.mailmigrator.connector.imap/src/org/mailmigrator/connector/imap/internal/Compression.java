package org.mailmigrator.connector.imap.internal;

import java.util.Locale;

/**
 * Whether a session's connections compress what they send and receive (COMPRESS=DEFLATE, RFC 4978), and what
 * happened when they asked. The account's setting {@code compress}: {@code off} never asks; {@code on} asks
 * whenever the server offers it; {@code auto} (the default) asks when the server offers it and the link is slow:
 * a NOOP after login takes at least {@link #SLOW_MILLIS} ms (a WAN or a provider across the internet, where the
 * bytes cost more than the CPU; on a LAN deflate and inflate would only add work on both sides).
 * <p>
 * One instance per session, shared by its connections (Angus's properties carry it to {@link TolerantProtocol});
 * {@link #outcome()} tells the latest connection's decision, in words for pre-flight and the run's log.
 */
final class Compression {
    /** The round trip from which {@code auto} compresses. */
    static final int SLOW_MILLIS = 10;
    /**
     * Deflate's level for what this side sends (APPEND bodies to a destination, commands to a source): the
     * fastest, whose ratio on mail is close to the default level's at a fraction of its CPU.
     */
    static final int LEVEL = 1;
    /** The key under which the session's properties carry it. */
    static final String KEY = "org.mailmigrator.imap.compression";

    /** The setting's values. */
    enum Mode {
        AUTO, ON, OFF
    }

    private final Mode mode;
    private volatile String outcome;

    Compression(Mode mode) {
        this.mode = mode;
        this.outcome = mode == Mode.OFF ? "off (setting compress=off)" : "not offered by the server (no COMPRESS=DEFLATE)";
    }

    /** The setting's value: {@code auto} when empty; anything else but auto/on/off is refused, naming it. */
    static Mode parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "", "auto" -> Mode.AUTO;
            case "on" -> Mode.ON;
            case "off" -> Mode.OFF;
            default -> throw new IllegalArgumentException("setting 'compress' is '" + text.trim()
                    + "'; expected auto, on or off");
        };
    }

    Mode mode() {
        return mode;
    }

    /** Under {@code auto}, whether a link with this round trip gets compression. */
    static boolean slow(long roundTripNanos) {
        return roundTripNanos >= SLOW_MILLIS * 1_000_000L;
    }

    void compressed(long roundTripNanos) {
        outcome = "COMPRESS=DEFLATE on" + (mode == Mode.ON ? " (setting compress=on)"
                : " (round trip " + millis(roundTripNanos) + " ms, " + SLOW_MILLIS + " ms or more: setting compress=auto)");
    }

    void notCompressed(long roundTripNanos) {
        outcome = "COMPRESS=DEFLATE offered, not used (round trip " + millis(roundTripNanos) + " ms, under "
                + SLOW_MILLIS + " ms: setting compress=auto)";
    }

    void refused(String why) {
        outcome = "COMPRESS=DEFLATE refused by the server (" + why + "): uncompressed";
    }

    /** "COMPRESS=DEFLATE on (round trip 41.2 ms, ...)", "off (setting compress=off)", ... */
    String outcome() {
        return outcome;
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
