package org.mailmigrator.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What starting a server program on loopback for a test always takes: a free port on 127.0.0.1, the process
 * started with its output in a log file (never a pipe nobody reads) and no input, a wait until the port answers
 * that gives up as soon as the process dies, the log in the message when it fails, and a stop that ends only
 * that process. Each server class (Radicale, Xandikos, Cyrus, Courier, Dovecot, hoodiecrow) keeps just its own
 * configuration.
 */
final class LoopbackServer {
    static final String HOST = "127.0.0.1";
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private LoopbackServer() {
    }

    /**
     * The server program {@code command} from the PATH (or /usr/sbin); a missing one is an error that says which
     * Debian package to install, never a reason to skip: the tests exist to run against the real server.
     */
    static Path program(String command, String what) throws IOException {
        try {
            return RunAs.find(command);
        } catch (IOException e) {
            throw new IOException(command + " is not installed (apt-get install " + command + "): these tests need a"
                    + " real " + what, e);
        }
    }

    /** Fills a folder once; see {@link #installOnce}. */
    @FunctionalInterface
    interface Installer {
        void install(Path home) throws IOException, InterruptedException;
    }

    /**
     * The folder {@code ~/.cache/mailmigrator-tests/NAME} (or the one the system property {@code property} names),
     * filled by {@code installer} unless {@code marker} (a path below it) exists: once per machine, test JVMs
     * that start together wait for each other on a file lock.
     */
    static Path installOnce(String property, String name, String marker, Installer installer)
            throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty(property, System.getProperty("user.home") + "/.cache/mailmigrator-tests/"
                + name));
        if (Files.exists(home.resolve(marker))) {
            return home;
        }
        Files.createDirectories(home);
        try (FileChannel lockFile = FileChannel.open(home.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
            if (!Files.exists(home.resolve(marker))) {
                installer.install(home);
            }
        }
        return home;
    }

    /** A port nothing listens on at the moment, on 127.0.0.1. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(HOST, 0));
            return s.getLocalPort();
        }
    }

    /** Starts {@code cmd} with standard output and error in {@code log}, standard input empty. */
    static Process start(List<String> cmd, Path log) throws IOException {
        return start(cmd, log, Map.of());
    }

    /** Starts {@code cmd} with {@code env} added to the environment, output in {@code log}, input empty. */
    static Process start(List<String> cmd, Path log, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        return pb.start();
    }

    /**
     * Waits until 127.0.0.1:{@code port} accepts a connection. False when {@code timeout} passed or
     * {@code process} (may be null: a daemon that forked away) died first.
     */
    static boolean awaitPort(int port, Process process, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && (process == null || process.isAlive())) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 200);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        return false;
    }

    /**
     * {@link #awaitPort} for a server started by {@link #start}: when the port does not answer, the process is
     * killed and the exception says whether it exited or stayed silent, with its log.
     */
    static void awaitListening(String name, Process process, int port, Path log, Duration timeout)
            throws IOException, InterruptedException {
        if (awaitPort(port, process, timeout)) {
            return;
        }
        boolean exited = !process.isAlive();
        process.destroyForcibly();
        throw new IOException(name + (exited ? " exited: " : " did not listen on " + HOST + ":" + port + " within "
                + timeout.toSeconds() + " s: ") + read(log));
    }

    /** Waits until the port answers with an IMAP greeting line; false after ~15 s or when the process died. */
    static boolean awaitGreeting(int port, Process p) throws InterruptedException {
        for (int i = 0; i < 300 && p.isAlive(); i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 200);
                s.setSoTimeout(5000);
                if (s.getInputStream().read() == '*') {
                    return true;
                }
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        return false;
    }

    /** A log file's text for a message, or why there is none. */
    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Asks the process to end, and kills it when it has not after a grace period. Null is ignored. */
    static void stop(Process p) {
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Kills {@code root} and every process it started (SIGKILL: for servers whose files are deleted right after) and
     * waits up to {@code timeout} until each has ended. A zombie has ended: a daemon that forked away is reaped by
     * init, which may take seconds, and waiting for that only made the tests slower.
     */
    static void kill(ProcessHandle root, Duration timeout) {
        List<ProcessHandle> all = new java.util.ArrayList<>(root.descendants().toList());
        all.add(0, root);
        all.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (ProcessHandle h : all) {
                while (running(h) && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Alive and not a zombie (on Linux, state Z in /proc/PID/stat; elsewhere only alive counts). */
    private static boolean running(ProcessHandle h) {
        if (!h.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(h.pid()), "stat"));
            int end = stat.lastIndexOf(')');
            return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
        } catch (IOException gone) {
            return Files.exists(Path.of("/proc")) ? false : h.isAlive();
        }
    }
}
