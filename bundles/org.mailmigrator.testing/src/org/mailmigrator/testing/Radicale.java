package org.mailmigrator.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Radicale 3 (Debian package) on loopback with its own config, user file and storage folder. A missing
 * radicale is an error, not a skip: the tests exist to run against the real server.
 */
public final class Radicale implements AutoCloseable {
    public static final String LOGIN = "alice";
    public static final String PASSWORD = "s3cret-pass";

    private final Process process;
    private final int port;
    private final Path storage;

    private Radicale(Process process, int port, Path storage) {
        this.process = process;
        this.port = port;
        this.storage = storage;
    }

    /** Starts a server keeping its files in {@code dir}; the only user is {@link #LOGIN} / {@link #PASSWORD}. */
    public static Radicale start(Path dir) throws IOException, InterruptedException {
        return start(dir, LOGIN, PASSWORD);
    }

    /** Starts a server whose only user is {@code login} / {@code password} (e.g. the same account as a Dovecot user). */
    public static Radicale start(Path dir, String login, String password) throws IOException, InterruptedException {
        Path exe = LoopbackServer.program("radicale", "CalDAV/CardDAV server");
        int port = LoopbackServer.freePort();
        Files.createDirectories(dir);
        Path users = Files.writeString(dir.resolve("users"), login + ":" + password + "\n");
        Path storage = dir.resolve("collections");
        Path config = Files.writeString(dir.resolve("config"), String.join("\n",
                "[server]", "hosts = 127.0.0.1:" + port,
                "[auth]", "type = htpasswd", "htpasswd_filename = " + users, "htpasswd_encryption = plain",
                "[storage]", "filesystem_folder = " + storage,
                "[rights]", "type = owner_only",
                "[web]", "type = none",
                "[logging]", "level = warning", ""));
        Path log = dir.resolve("radicale.log");
        // the radicale command, not "python3 -m radicale": the python3 first in PATH may lack Debian's modules
        Process p = LoopbackServer.start(List.of(exe.toString(), "--config", config.toString()), log);
        LoopbackServer.awaitListening("radicale", p, port, log, Duration.ofSeconds(20));
        return new Radicale(p, port, storage);
    }

    public int port() {
        return port;
    }

    /** The server's root URL, plain HTTP on loopback. */
    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** Where Radicale keeps the collections: {@code collection-root/LOGIN/NAME/UID.ics}. */
    public Path storage() {
        return storage;
    }

    @Override
    public void close() {
        LoopbackServer.stop(process);
    }
}
