package org.mailmigrator.connector.imap.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Whether a session's connections compress what they send and receive (COMPRESS=DEFLATE, RFC 4978), and what
 * happened when they asked. The account's setting {@code compress}: {@code off} never asks, {@code on} asks at login
 * whenever the server offers it, {@code auto} asks once its {@link LinkRate} (shared by the sessions of a runner) has
 * measured the link narrower than {@link LinkRate#NARROW} a connection: each connection then asks before its next
 * command (COMPRESS may start at any time after login, with no command in progress), one opened later at its first.
 * Why not always (docs/imap-benchmark.md, rounds 32 and 33): mail is mostly attachments that are already compressed
 * (the benchmark corpus deflates to 0.71 of its size), deflating and inflating cost ~30 ms of CPU a megabyte on a
 * small machine, and over a 40 ms link with room to spare a compressed copy took 20-30 % longer; only a narrow link
 * (50 Mbit/s a connection) gained, 8-16 %. The round trip known at login does not tell the two apart; the bytes
 * moving do, so {@code auto} is the default.
 * <p>
 * One instance per session, shared by its connections (Angus's properties carry it to {@link TolerantProtocol});
 * {@link #outcome()} says what happened, in words for pre-flight and the run's log.
 */
final class Compression {
    /** The key under which the session's properties carry it. */
    static final String KEY = "org.mailmigrator.imap.compression";
    /**
     * Deflate's level for what this side sends (APPEND bodies to a destination, commands to a source): the
     * fastest; on the benchmark corpus it keeps 0.711 of the bytes against the default level's 0.691.
     */
    static final int LEVEL = 1;

    /** The setting's values. */
    enum Mode {
        OFF, ON, AUTO;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The setting's value when the account names none. */
    static final Mode DEFAULT = Mode.AUTO;

    private final Mode mode;
    private final LinkRate link;
    private volatile boolean offered;
    private volatile Instant compressedAt;
    private volatile String refused;

    /** For a session with {@code mode}, measuring its link into {@code link} (shared by a runner's sessions). */
    Compression(Mode mode, LinkRate link) {
        this.mode = mode;
        this.link = link;
    }

    /** The setting's value: {@link #DEFAULT} when empty; anything else but off/on/auto is refused, naming it. */
    static Mode parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "" -> DEFAULT;
            case "off" -> Mode.OFF;
            case "on" -> Mode.ON;
            case "auto" -> Mode.AUTO;
            default -> throw new IllegalArgumentException(
                    "setting 'compress' is '" + text.trim() + "'; expected off, on or auto");
        };
    }

    /** What the session's connections measure of the link, with the other sessions of its connector to the server. */
    LinkRate link() {
        return link;
    }

    /** Whether Angus asks for it at login (only {@code on}: {@code auto} asks after measuring). */
    boolean atLogin() {
        return mode == Mode.ON;
    }

    /** Whether a connection that does not compress yet should ask before its next command. */
    boolean wantedNow() {
        return mode == Mode.AUTO && refused == null && link.narrow();
    }

    /** After login: whether the server offers it. */
    void offered(boolean byServer) {
        offered = byServer;
    }

    void compressed() {
        if (compressedAt == null) {
            compressedAt = Instant.now();
        }
    }

    void refused(String why) {
        refused = why;
    }

    /** "COMPRESS=DEFLATE on (setting compress=on)", "uncompressed (setting compress=off)", ... */
    String outcome() {
        if (refused != null) {
            return "COMPRESS=DEFLATE refused by the server (" + refused + "): uncompressed";
        }
        String setting = "setting compress=" + mode.word();
        if (mode == Mode.OFF) {
            return offered ? "uncompressed; the server offers COMPRESS=DEFLATE (setting compress=on or auto would use it)"
                    : "uncompressed (" + setting + ")";
        }
        if (!offered) {
            return "COMPRESS=DEFLATE not offered by the server: uncompressed";
        }
        if (mode == Mode.ON) {
            return compressedAt == null ? "uncompressed (" + setting + ")" : "COMPRESS=DEFLATE on (" + setting + ")";
        }
        var verdict = link.verdict();
        if (compressedAt != null) {
            return "COMPRESS=DEFLATE on from " + LinkRate.CLOCK.format(compressedAt.truncatedTo(ChronoUnit.SECONDS))
                    + ": the link measured " + verdict.map(LinkRate.Verdict::describe).orElse("narrow") + " (" + setting + ")";
        }
        String under = String.format(Locale.ROOT, "%.0f MB/s", LinkRate.NARROW / 1e6);
        if (verdict.isEmpty()) {
            return "uncompressed so far: the link not measured yet (" + setting + " compresses once a connection measures"
                    + " under " + under + ")";
        }
        LinkRate.Verdict v = verdict.get();
        return "uncompressed: the link measured " + v.describe() + (v.narrow() ? ", under " + under
                + ", after the session's last command (" : ", " + under + " or more (") + setting + " compresses under "
                + under + ")";
    }
}
