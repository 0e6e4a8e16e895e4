package org.mailmigrator.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster on loopback for tests (Debian's {@code postgresql} package): {@code initdb} into a
 * temporary folder, a free port on 127.0.0.1, password authentication (scram) for one superuser {@link #USER}
 * with a random password, started and stopped with {@code pg_ctl}. {@code initdb} refuses to run as root, so
 * when the tests run as root every program runs as the {@code postgres} user (created by the package) with the
 * folder handed to it. One cluster serves a test class; {@link #createDatabase} gives each test a fresh
 * database. A missing PostgreSQL fails loudly: tests must not pass without a real server.
 */
public final class Postgres implements AutoCloseable {
    public static final String USER = "mm";
    public static final String HOST = "127.0.0.1";
    private static final String SERVICE_USER = "postgres";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final String password;
    private final boolean root;
    private final AtomicInteger databases = new AtomicInteger();

    private Postgres(Path bin, Path dir, int port, String password, boolean root) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.password = password;
        this.root = root;
    }

    /** Creates and starts a new cluster. */
    public static Postgres start() throws IOException, InterruptedException {
        Path bin = binaries();
        boolean root = RunAs.run("id", "-u").trim().equals("0");
        if (root) {
            try {
                RunAs.run("id", SERVICE_USER);
            } catch (IOException e) {
                throw new IOException("the tests run as root but the user 'postgres' does not exist (apt-get install"
                        + " postgresql, which creates it)", e);
            }
        }
        Path dir = Files.createTempDirectory("mailmigrator-postgres-");
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        Files.writeString(dir.resolve("pw"), password + "\n", StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("socket"));
        if (root) {
            RunAs.run("chown", "-R", SERVICE_USER + ":", dir.toString());
        }
        Postgres pg = new Postgres(bin, dir, LoopbackServer.freePort(), password, root);
        pg.run(Map.of(), "initdb", "-D", dir.resolve("data").toString(), "-U", USER, "--auth=scram-sha-256",
                "--pwfile=" + dir.resolve("pw"), "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        Files.delete(dir.resolve("pw"));
        pg.startServer();
        return pg;
    }

    /** The newest {@code /usr/lib/postgresql/N/bin} with initdb and pg_ctl (Debian keeps them off the PATH). */
    private static Path binaries() throws IOException {
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> versions = Files.list(lib)) {
                List<Path> found = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .sorted(Comparator.comparing(b -> version(b.getParent()))).toList();
                if (!found.isEmpty()) {
                    return found.get(found.size() - 1);
                }
            }
        }
        throw new IOException("PostgreSQL is not installed (apt-get install postgresql): these tests need a real"
                + " PostgreSQL server (no /usr/lib/postgresql/*/bin/initdb)");
    }

    private static int version(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Starts the cluster (again, after {@link #stopServer}) and waits until it accepts connections. */
    public void startServer() throws IOException, InterruptedException {
        serverCommand("start");
    }

    /**
     * {@code pg_ctl restart -m fast}: open sessions are ended, the server stops and starts again; waits until it
     * accepts connections.
     */
    public void restartServer() throws IOException, InterruptedException {
        serverCommand("restart", "-m", "fast");
    }

    private void serverCommand(String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-D", dir.resolve("data").toString(), "-l",
                dir.resolve("server.log").toString(), "-w", "-t", "60", "-o", "-p " + port + " -k " + dir.resolve("socket")
                        + " -c listen_addresses=" + HOST + " -c fsync=off -c max_connections=200"));
        args.addAll(List.of(command));
        run(Map.of(), "pg_ctl", args.toArray(String[]::new));
        if (!LoopbackServer.awaitPort(port, null, java.time.Duration.ofSeconds(60))) {
            throw new IOException("postgres did not listen on " + HOST + ":" + port + ": "
                    + LoopbackServer.read(dir.resolve("server.log")));
        }
    }

    /** Stops the server (fast mode: open sessions are ended) and waits until it is down. */
    public void stopServer() throws IOException, InterruptedException {
        run(Map.of(), "pg_ctl", "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    /** A new, empty database owned by {@link #USER}; its name. */
    public String createDatabase() throws IOException, InterruptedException {
        String name = "db" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        run(Map.of("PGPASSWORD", password), "createdb", "-h", HOST, "-p", String.valueOf(port), "-U", USER, name);
        return name;
    }

    /** Runs SQL with psql in {@code database}; its output (unaligned, tuples only). */
    public String sql(String database, String sql) throws IOException, InterruptedException {
        return run(Map.of("PGPASSWORD", password), "psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", HOST,
                "-p", String.valueOf(port), "-U", USER, "-d", database, "-c", sql);
    }

    /** The store URL of a database, without the password: {@code postgresql://mm@127.0.0.1:PORT/DB}. */
    public String url(String database) {
        return "postgresql://" + USER + "@" + HOST + ":" + port + "/" + database;
    }

    /** The password of {@link #USER}: hand it over as {@code PGPASSWORD}, as an administrator would. */
    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** The server's log, for failure messages. */
    public String log() {
        return LoopbackServer.read(dir.resolve("server.log"));
    }

    private String run(Map<String, String> env, String program, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (root) {
            cmd.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
        }
        cmd.add(bin.resolve(program).toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(dir.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(program + " " + String.join(" ", args) + " failed: " + out + "\n" + log());
        }
        return out;
    }

    /** Stops the server and deletes its folder. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            stopServer();
        } finally {
            RunAs.deleteTree(dir);
        }
    }
}
