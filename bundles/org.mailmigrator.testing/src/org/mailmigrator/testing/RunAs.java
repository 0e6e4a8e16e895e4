package org.mailmigrator.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The unprivileged account a test server runs as: the current user, or, when the tests run as root (CI),
 * the {@code dovecot} system user that Debian's dovecot-core package creates.
 */
record RunAs(String user, String group, int uid, int gid, boolean root) {
    static final String SERVICE_USER = "dovecot";

    static RunAs detect() throws IOException, InterruptedException {
        boolean root = run("id", "-u").trim().equals("0");
        String user = root ? SERVICE_USER : run("id", "-un").trim();
        try {
            return new RunAs(user, run("id", "-gn", user).trim(), Integer.parseInt(run("id", "-u", user).trim()),
                    Integer.parseInt(run("id", "-g", user).trim()), root);
        } catch (IOException e) {
            throw new IOException("the tests run as root but the unprivileged user '" + user + "' does not exist"
                    + " (install dovecot-core, which creates it)", e);
        }
    }

    List<String> command(String... cmd) {
        List<String> out = new ArrayList<>();
        if (root) {
            out.addAll(List.of("runuser", "-u", user, "--"));
        }
        out.addAll(List.of(cmd));
        return out;
    }

    void chown(Path dir) throws IOException, InterruptedException {
        if (root) {
            run("chown", "-R", user + ":" + group, dir.toString());
        }
        run("chmod", "700", dir.resolve("ssl").toString());
    }

    static Path find(String program) throws IOException {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/sbin", program), Path.of("/usr/bin", program),
                Path.of("/usr/local/sbin", program)));
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty()) {
                candidates.add(Path.of(d, program));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IOException(program + " is not installed: the IMAP tests need a real Dovecot"
                        + " (apt-get install dovecot-imapd; ./run-tests.sh does it when run as root)"));
    }

    static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
