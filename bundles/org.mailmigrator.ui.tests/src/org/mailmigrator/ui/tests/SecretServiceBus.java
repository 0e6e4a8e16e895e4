package org.mailmigrator.ui.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private desktop session for the OS keyring tests: a {@code dbus-daemon} serving the session bus that the
 * ui.tests pom gives the test JVM ({@code DBUS_SESSION_BUS_ADDRESS=unix:path=target/dbus/bus}), and on it a real
 * {@code gnome-keyring-daemon} with a throw-away "login" keyring in a folder of the test's, unlocked with a password
 * on its stdin. Missing programs fail the test, naming the Debian packages.
 * <p>
 * The bus lives as long as the test JVM, not the test class: GLib's session connection (which libsecret and the
 * Equinox provider share) ends the process when its bus goes away. It is started behind a shell that stops it
 * once the JVM's process has exited. The keyring daemon is stopped by
 * {@link #stopKeyring()}, by its process id.
 */
final class SecretServiceBus {
    static final String PACKAGES = "dbus-daemon dbus-bin gnome-keyring libsecret-1-0 libsecret-tools";
    private final Path socket;
    private final Path dir;
    private Process keyring;
    private Path keyringHome;

    private SecretServiceBus(Path socket) {
        this.socket = socket;
        this.dir = socket.getParent();
    }

    /** Serves the session bus the JVM was given (once per JVM: a bus already served is reused). */
    static SecretServiceBus start() throws IOException {
        String address = System.getenv("DBUS_SESSION_BUS_ADDRESS");
        if (address == null || !address.startsWith("unix:path=")) {
            throw new AssertionError("DBUS_SESSION_BUS_ADDRESS=unix:path=... is not set for the test JVM (the ui.tests "
                    + "pom sets it for tycho-surefire): " + address);
        }
        for (String program : List.of("dbus-daemon", "dbus-send", "gnome-keyring-daemon", "secret-tool")) {
            if (which(program) == null) {
                throw new AssertionError(program + " is not installed: the OS keyring tests need " + PACKAGES
                        + " (run-tests.sh installs them; apt-get install " + PACKAGES + ")");
            }
        }
        SecretServiceBus bus = new SecretServiceBus(Path.of(address.substring("unix:path=".length())));
        if (!bus.answers()) {
            bus.serve();
        }
        return bus;
    }

    private void serve() throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(socket); // a stale socket of a killed run: nothing listens on it (answers() said so)
        Path config = dir.resolve("bus.conf");
        Files.writeString(config, """
                <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
                 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
                <busconfig>
                  <type>session</type>
                  <listen>unix:path=%s</listen>
                  <policy context="default">
                    <allow send_destination="*" eavesdrop="true"/>
                    <allow eavesdrop="true"/>
                    <allow own="*"/>
                  </policy>
                </busconfig>
                """.formatted(socket));
        // no <servicedir>: nothing is started on demand, so "no Secret Service" is a state the test controls
        // the shell stops the bus once this JVM's process is gone (polled by its id): no handle needs to be kept
        Process p = new ProcessBuilder("sh", "-c", "dbus-daemon --nofork --config-file=\"$1\" & d=$!; "
                + "while kill -0 \"$2\" 2>/dev/null && kill -0 $d 2>/dev/null; do sleep 1; done; kill $d 2>/dev/null",
                "bus", config.toString(), String.valueOf(ProcessHandle.current().pid()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(dir.resolve("dbus.log").toFile()).redirectErrorStream(true).start();
        UiTestSupport.waitUntil(() -> p.isAlive() && answers(), Duration.ofSeconds(30), () -> "dbus-daemon did not "
                + "answer on " + socket + ": " + read(dir.resolve("dbus.log")));
    }

    /** Starts gnome-keyring-daemon on the bus with a new, unlocked "login" keyring (the default collection). */
    void startKeyring(String keyringPassword) throws IOException {
        keyringHome = dir.resolve("home-" + System.nanoTime());
        Files.createDirectories(keyringHome.resolve("run"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        startKeyringAgain(keyringPassword);
    }

    /**
     * Starts gnome-keyring-daemon again on the keyring files of the last {@link #startKeyring} (a new login of the same
     * person: the "login" keyring unlocked with its password, holding what was stored in it before).
     */
    void startKeyringAgain(String keyringPassword) throws IOException {
        Path home = keyringHome;
        Path run = home.resolve("run");
        ProcessBuilder pb = new ProcessBuilder("gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets")
                .redirectOutput(home.resolve("keyring.log").toFile()).redirectErrorStream(true);
        pb.environment().putAll(Map.of("HOME", home.toString(), "XDG_DATA_HOME", home.resolve("data").toString(),
                "XDG_RUNTIME_DIR", run.toString()));
        keyring = pb.start();
        try (OutputStream in = keyring.getOutputStream()) {
            in.write(keyringPassword.getBytes(StandardCharsets.UTF_8));
        }
        UiTestSupport.waitUntil(() -> !keyring.isAlive() || secretServiceOwned(), Duration.ofSeconds(30),
                () -> "gnome-keyring-daemon did not take org.freedesktop.secrets");
        if (!keyring.isAlive()) {
            throw new AssertionError("gnome-keyring-daemon ended: " + read(home.resolve("keyring.log")));
        }
    }

    /** Stops the keyring daemon this object started (the bus stays: see the class comment). */
    void stopKeyring() throws InterruptedException {
        if (keyring != null) {
            keyring.destroy();
            if (!keyring.waitFor(20, TimeUnit.SECONDS)) {
                keyring.destroyForcibly();
            }
            keyring = null;
            UiTestSupport.waitUntil(() -> !secretServiceOwned(), Duration.ofSeconds(20),
                    () -> "org.freedesktop.secrets is still owned");
        }
    }

    /** {@code secret-tool ARGS} on this bus: exit code and what it printed (stdout and stderr). */
    String[] secretTool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("secret-tool"));
        command.addAll(List.of(args));
        return run(command);
    }

    boolean secretServiceOwned() {
        try {
            return run(List.of("dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                    "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.secrets"))[1]
                    .contains("boolean true");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private boolean answers() {
        try {
            return Files.exists(socket) && run(List.of("dbus-send", "--session", "--print-reply",
                    "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.GetId"))[0].equals("0");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String[] run(List<String> command) throws IOException, InterruptedException {
        // the JVM's environment has DBUS_SESSION_BUS_ADDRESS: the child talks to the same bus
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command.get(0) + " did not end within 30 s");
        }
        return new String[] { String.valueOf(p.exitValue()), out };
    }

    private static Path which(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(d, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "(no output)";
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
