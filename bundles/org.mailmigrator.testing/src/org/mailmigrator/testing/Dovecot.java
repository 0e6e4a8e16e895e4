package org.mailmigrator.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private Dovecot on loopback for tests and benchmarks: own configuration and base_dir in a temporary
 * folder, random free ports, a self-signed certificate, a static passdb (every user logs in with
 * {@link #PASSWORD}), Maildir homes. Started as an unprivileged user: the current one, or {@code dovecot}
 * (created by Debian's dovecot-core) when running as root. A missing dovecot fails loudly: tests must not
 * pass without a real server.
 */
public final class Dovecot implements ImapServer {
    public static final String PASSWORD = "testpass";
    public static final String HOST = "127.0.0.1";

    /** How folder names look on the wire. */
    public enum Layout {
        /** {@code /} separator, no prefix: {@code Sent}, {@code Work/Projects}. */
        SLASH,
        /** Courier style: {@code .} separator and {@code INBOX.} prefix: {@code INBOX.Sent}. */
        INBOX_PREFIX
    }

    /** The longest wait for the pid file at close and for the killed processes to end. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Path dir;
    private final Path conf;
    private final int imapPort;
    private final int imapsPort;
    private final RunAs runAs;

    private Dovecot(Path dir, Path conf, int imapPort, int imapsPort, RunAs runAs) {
        this.dir = dir;
        this.conf = conf;
        this.imapPort = imapPort;
        this.imapsPort = imapsPort;
        this.runAs = runAs;
    }

    public static Dovecot start(Layout layout) throws IOException, InterruptedException {
        return start(layout, 0);
    }

    /** Starts a server; {@code maxMessageSize > 0} makes it refuse bigger messages (quota_max_mail_size). */
    public static Dovecot start(Layout layout, long maxMessageSize) throws IOException, InterruptedException {
        return start(layout, maxMessageSize, true);
    }

    /** Starts a server; {@code tls=false} offers neither STARTTLS nor implicit TLS (imapsPort() is then closed). */
    public static Dovecot start(Layout layout, long maxMessageSize, boolean tls) throws IOException, InterruptedException {
        return start(DovecotOptions.of(layout).withMaxMessageSize(maxMessageSize).withTls(tls));
    }

    /** Starts a server as the options say (quota reported over IMAP, APPENDLIMIT announced, ...). */
    public static Dovecot start(DovecotOptions options) throws IOException, InterruptedException {
        return start(options, conf -> conf);
    }

    /** Starts a server whose generated configuration {@code edit} changes first (DovecotOAuth2's passdb). */
    static Dovecot start(DovecotOptions options, java.util.function.UnaryOperator<String> edit)
            throws IOException, InterruptedException {
        boolean tls = options.tls();
        Path binary = RunAs.find("dovecot");
        RunAs runAs = RunAs.detect();
        Path dir = Files.createTempDirectory("mailmigrator-dovecot-");
        for (String sub : List.of("etc", "base", "state", "log", "home", "ssl")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Certificates.selfSigned(dir.resolve("ssl"));
        int imap = LoopbackServer.freePort();
        int imaps = LoopbackServer.freePort();
        Path conf = dir.resolve("etc/dovecot.conf");
        Files.writeString(conf, edit.apply(DovecotConfig.render(dir, imap, imaps, runAs, options)),
                StandardCharsets.UTF_8);
        runAs.chown(dir);
        List<String> cmd = runAs.command(binary.toString(), "-c", conf.toString());
        // the daemon inherits our descriptors: give it a file, never a pipe we would wait on forever
        Path startLog = dir.resolve("log/start.out");
        Process p = LoopbackServer.start(cmd, startLog);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("dovecot did not start: " + Files.readString(startLog) + "\n" + log(dir));
        }
        Dovecot d = new Dovecot(dir, conf, imap, imaps, runAs);
        d.awaitPort(imap);
        if (tls) {
            d.awaitPort(imaps);
        }
        return d;
    }

    @Override
    public String name() {
        return "dovecot";
    }

    @Override
    public int imapPort() {
        return imapPort;
    }

    public int imapsPort() {
        return imapsPort;
    }

    public Path directory() {
        return dir;
    }

    public Path certificate() {
        return dir.resolve("ssl/cert.pem");
    }

    /** SHA-256 of the server certificate (DER), lower-case hex: what an administrator would pin. */
    public String certificateSha256() throws IOException {
        try (var in = Files.newInputStream(certificate())) {
            var cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot read the test certificate", e);
        }
    }

    /** Runs doveadm against this instance (as its user) and returns its output; fails on a non-zero exit. */
    public String doveadm(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(RunAs.find("doveadm").toString(), "-c", conf.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(runAs.command(cmd.toArray(String[]::new))).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("doveadm " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    @Override
    public String log() {
        return log(dir);
    }

    private static String log(Path dir) {
        try {
            return Files.readString(dir.resolve("log/dovecot.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitPort(int port) throws IOException, InterruptedException {
        // the daemon forked away from the process we started: only the port can tell it is up
        if (LoopbackServer.awaitPort(port, null, Duration.ofSeconds(10))) {
            return;
        }
        close();
        throw new IOException("dovecot did not open port " + port + ":\n" + log(dir));
    }

    /**
     * Stops only this instance (the master of its own base_dir, and every process it started) and deletes its
     * folder. The folder is deleted right after, so nothing needs a graceful shutdown: SIGTERM made the master wait
     * about a second for its log process, and waiting for its exit through {@link ProcessHandle#onExit} also waited
     * for the init process to reap it (the forked daemon is not our child), 2-8 s a server on the CI machine; a
     * killed process that is only a zombie has ended and holds no port or file.
     */
    @Override
    public void close() {
        try {
            Path pidFile = dir.resolve("base/master.pid");
            // the master writes its pid file just after it opened the ports: a close right after start waits for it
            for (long end = System.nanoTime() + STOP_WAIT.toNanos(); !Files.exists(pidFile) && System.nanoTime() < end;) {
                Thread.sleep(10);
            }
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                ProcessHandle.of(pid).ifPresent(master -> LoopbackServer.kill(master, STOP_WAIT));
            }
            RunAs.deleteTree(dir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // a test server that cannot be cleaned up must not hide the test's own result
        }
    }
}
