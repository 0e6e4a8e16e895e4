package org.mailmigrator.testing;

import java.io.IOException;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where ./run-tests.sh unpacked the servers that cannot be installed beside Dovecot
 * ({@code releng/scripts/test-servers.sh}): {@code $MM_TEST_SERVERS/<name>/root}, by default under
 * {@code /opt/mailmigrator-test-servers}. A missing tree fails the test: a missing server is never a pass.
 */
final class ServerTree {
    private ServerTree() {
    }

    static Path root(String name, String probe) throws IOException {
        String base = System.getenv().getOrDefault("MM_TEST_SERVERS", "/opt/mailmigrator-test-servers");
        Path root = Path.of(base, name, "root");
        if (!Files.exists(root.resolve(probe))) {
            throw new IOException(name + " is not unpacked under " + root + " (./run-tests.sh unpacks it when run as"
                    + " root: source releng/scripts/test-servers.sh; mm_ensure_test_servers)");
        }
        return root;
    }

    /** The command run as the unprivileged user (setpriv execs: the process handle is the server itself). */
    static List<String> asUser(RunAs runAs, String... cmd) {
        List<String> out = new ArrayList<>();
        if (runAs.root()) {
            out.addAll(List.of("setpriv", "--reuid=" + runAs.uid(), "--regid=" + runAs.gid(), "--init-groups"));
        }
        out.addAll(List.of(cmd));
        return out;
    }

    static Process start(List<String> cmd, Path log, java.util.Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        return pb.start();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(Dovecot.HOST, 0));
            return s.getLocalPort();
        }
    }

    /** Waits until the port answers with an IMAP greeting line; false after ~15 s or when the process died. */
    static boolean awaitGreeting(int port, Process p) throws InterruptedException {
        for (int i = 0; i < 300 && p.isAlive(); i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(Dovecot.HOST, port), 200);
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

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static void stop(Process p) {
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
