package org.mailmigrator.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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
        Path exe;
        try {
            exe = RunAs.find("xandikos");
        } catch (IOException e) {
            throw new IOException("xandikos is not installed (apt-get install xandikos): these tests need a real"
                    + " strict CalDAV/CardDAV server", e);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.createDirectories(dir);
        Path log = dir.resolve("xandikos.log");
        Process p = new ProcessBuilder(exe.toString(), "--defaults", "-d", dir.resolve("data").toString(), "-l", "127.0.0.1",
                "-p", String.valueOf(port)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("xandikos exited: " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new Xandikos(p, port);
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new IOException("xandikos did not listen on 127.0.0.1:" + port + " within 30 s: " + Files.readString(log));
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
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
