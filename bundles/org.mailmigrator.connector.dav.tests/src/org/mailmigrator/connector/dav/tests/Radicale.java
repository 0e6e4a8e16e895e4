package org.mailmigrator.connector.dav.tests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real Radicale 3 (Debian package) started on loopback with its own config, user file and storage
 * folder. A missing radicale is an error, not a skip: these tests exist to run against the real server.
 */
final class Radicale implements AutoCloseable {
    static final String LOGIN = "alice";
    static final String PASSWORD = "s3cret-pass";

    private final Process process;
    final int port;
    final Path storage;

    private Radicale(Process process, int port, Path storage) {
        this.process = process;
        this.port = port;
        this.storage = storage;
    }

    static Radicale start(Path dir) throws Exception {
        Path exe = Path.of("/usr/bin/radicale");
        if (!Files.isExecutable(exe)) {
            throw new IllegalStateException("radicale is not installed (apt-get install radicale): the CalDAV/CardDAV tests need it");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path users = Files.writeString(dir.resolve("users"), LOGIN + ":" + PASSWORD + "\n");
        Path storage = dir.resolve("collections");
        Path config = Files.writeString(dir.resolve("config"), String.join("\n",
                "[server]", "hosts = 127.0.0.1:" + port,
                "[auth]", "type = htpasswd", "htpasswd_filename = " + users, "htpasswd_encryption = plain",
                "[storage]", "filesystem_folder = " + storage,
                "[rights]", "type = owner_only",
                "[web]", "type = none",
                "[logging]", "level = warning", ""));
        Process p = new ProcessBuilder(exe.toString(), "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("radicale.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("radicale exited: " + Files.readString(dir.resolve("radicale.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new Radicale(p, port, storage);
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("radicale did not listen on 127.0.0.1:" + port + " within 20 s");
    }

    String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
