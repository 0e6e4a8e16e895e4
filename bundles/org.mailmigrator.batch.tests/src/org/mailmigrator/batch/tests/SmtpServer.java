package org.mailmigrator.batch.tests;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server on loopback: Debian's python3-aiosmtpd run as a separate process, storing what it
 * receives in a Maildir that the test reads back. A missing server fails the test (it never skips).
 * {@link #startWithAuth} runs it from a small script with an authenticator that requires SMTP AUTH (LOGIN or
 * PLAIN, without TLS on loopback, or after STARTTLS) for one login and password.
 */
final class SmtpServer implements AutoCloseable {
    private static final Pattern DELIVERY = Pattern.compile("Q(\\d+)\\.");

    private final Process process;
    private final Path maildir;
    private final int port;
    private final Path log;

    private SmtpServer(Process process, Path maildir, int port, Path log) {
        this.process = process;
        this.maildir = maildir;
        this.port = port;
        this.log = log;
    }

    static SmtpServer start(Path dir) throws Exception {
        int port = freePort();
        Path maildir = dir.resolve("smtp-maildir");
        // Debian's interpreter explicitly: the python3 first in PATH may lack Debian's modules
        return launch(new ProcessBuilder(PYTHON, "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:" + port, "-c",
                "aiosmtpd.handlers.Mailbox", maildir.toString()), dir, maildir, port);
    }

    /** A server that takes mail only after AUTH as {@code login} with {@code password}, offered without TLS. */
    static SmtpServer startWithAuth(Path dir, String login, String password) throws Exception {
        return startWithAuth(dir, login, password, false);
    }

    /**
     * With {@code starttls} the server offers STARTTLS with a fresh self-signed certificate (openssl) and
     * requires it before AUTH, as providers do.
     */
    static SmtpServer startWithAuth(Path dir, String login, String password, boolean starttls) throws Exception {
        int port = freePort();
        Path maildir = dir.resolve("smtp-maildir");
        Path script = dir.resolve("smtp_auth_server.py");
        Files.writeString(script, AUTH_SERVER);
        List<String> cmd = new ArrayList<>(List.of(PYTHON, script.toString(), "127.0.0.1", String.valueOf(port),
                maildir.toString(), login));
        if (starttls) {
            Path tls = Files.createDirectories(dir.resolve("smtp-tls"));
            // a P-256 key: milliseconds, where an RSA-2048 key took up to 1.5 s on the loaded CI machine
            Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-keyout", tls.resolve("key.pem").toString(), "-out",
                    tls.resolve("cert.pem").toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("openssl.log").toFile()).start();
            if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
                throw new IOException("openssl did not make the test certificate: " + Files.readString(dir.resolve("openssl.log")));
            }
            cmd.add(tls.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("SMTP_TEST_PASSWORD", password); // not on the command line, where ps shows it
        return launch(pb, dir, maildir, port);
    }

    private static final String PYTHON = "/usr/bin/python3";
    private static final String AUTH_SERVER = """
            import os, sys, threading
            from aiosmtpd.controller import Controller
            from aiosmtpd.handlers import Mailbox
            from aiosmtpd.smtp import AuthResult, LoginPassword

            host, port, maildir, login = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4].encode()
            password = os.environ["SMTP_TEST_PASSWORD"].encode()
            tls = {"auth_require_tls": False}
            if len(sys.argv) > 5:
                import ssl
                context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
                context.load_cert_chain(sys.argv[5] + "/cert.pem", sys.argv[5] + "/key.pem")
                tls = {"tls_context": context, "require_starttls": True, "auth_require_tls": True}

            def authenticator(server, session, envelope, mechanism, data):
                ok = isinstance(data, LoginPassword) and data.login == login and data.password == password
                print("AUTH", mechanism, "ok" if ok else "refused", flush=True)
                return AuthResult(success=ok, handled=False)  # False: the server answers 535 itself

            Controller(Mailbox(maildir), hostname=host, port=port, authenticator=authenticator,
                       auth_required=True, **tls).start()
            threading.Event().wait()
            """;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    private static SmtpServer launch(ProcessBuilder pb, Path dir, Path maildir, int port) throws Exception {
        Path log = dir.resolve("smtp.log");
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        for (int i = 0; i < 100; i++) {
            if (!p.isAlive()) {
                throw new IOException("the SMTP server (python3-aiosmtpd) did not start: " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new SmtpServer(p, maildir, port, log);
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new IOException("the SMTP server did not open port " + port + ": " + Files.readString(log));
    }

    int port() {
        return port;
    }

    /** What the server printed (the AUTH lines of {@link #startWithAuth}). */
    String log() throws IOException {
        return Files.readString(log);
    }

    /**
     * Every mail received so far, parsed, in arrival order. Python's Maildir names files
     * {@code seconds.M<microseconds>P<pid>Q<count>.host} with unpadded microseconds, so a plain name sort
     * can put a later mail first; the delivery counter Q of the one server process gives the order.
     */
    List<MimeMessage> received() throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        Path fresh = maildir.resolve("new");
        if (!Files.isDirectory(fresh)) {
            return out;
        }
        Session session = Session.getInstance(new Properties());
        try (Stream<Path> files = Files.list(fresh)) {
            for (Path f : files.sorted(Comparator.comparingLong(SmtpServer::deliveryCount)).toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    out.add(new MimeMessage(session, in));
                }
            }
        }
        return out;
    }

    private static long deliveryCount(Path file) {
        Matcher m = DELIVERY.matcher(file.getFileName().toString());
        return m.find() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
