package org.mailmigrator.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Xandikos (Debian package {@code xandikos}) on loopback: a strict CalDAV/CardDAV server, started with
 * {@code --defaults} (principal {@code /user/}, homes {@code /user/calendars/} and {@code /user/contacts/}). It
 * has no authentication: any login is accepted. A missing xandikos is an error, not a skip.
 */
public final class Xandikos implements AutoCloseable {
    /** Any login works; the connector still needs one. */
    public static final String LOGIN = "user";
    public static final String PASSWORD = "unused-by-xandikos";

    private final Process process;
    private final int port;

    private Xandikos(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a server keeping its files in {@code dir}. */
    public static Xandikos start(Path dir) throws IOException, InterruptedException {
        Path exe = LoopbackServer.program("xandikos", "strict CalDAV/CardDAV server");
        int port = LoopbackServer.freePort();
        Files.createDirectories(dir);
        Path log = dir.resolve("xandikos.log");
        Process p = LoopbackServer.start(List.of(exe.toString(), "--defaults", "-d", dir.resolve("data").toString(),
                "-l", LoopbackServer.HOST, "-p", String.valueOf(port)), log);
        LoopbackServer.awaitListening("xandikos", p, port, log, Duration.ofSeconds(30));
        return new Xandikos(p, port);
    }

    public int port() {
        return port;
    }

    /** The principal's URL, plain HTTP on loopback: discovery finds the calendar and address book homes from it. */
    public String url() {
        return "http://127.0.0.1:" + port + "/user/";
    }

    @Override
    public void close() {
        LoopbackServer.stop(process);
    }
}
