package org.mailmigrator.autodetect.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A test certificate authority made with the JDK's keytool when the tests start: a CA, a server certificate it
 * signs (for 127.0.0.1 and the probe test hosts), and a self-signed "rogue" certificate nobody trusts.
 */
final class TestPki {
    static final List<String> SERVER_NAMES = List.of("localhost", "imap.probe.test", "smtp.probe.test",
            "mail.probe.test", "pop.probe.test", "imap.order.test");
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static TestPki instance;

    private final SSLContext serverContext;
    private final SSLContext rogueContext;
    private final SSLContext clientContext;

    private TestPki(Path dir) throws Exception {
        String san = "san=ip:127.0.0.1," + String.join(",", SERVER_NAMES.stream().map(n -> "dns:" + n).toList());
        keytool(dir, "-genkeypair", "-alias", "ca", "-dname", "CN=Mail Migrator Test CA", "-ext", "bc:c",
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-keystore", "ca.p12");
        keytool(dir, "-exportcert", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.cer");
        keytool(dir, "-genkeypair", "-alias", "server", "-dname", "CN=localhost", "-keyalg", "EC", "-groupname",
                "secp256r1", "-validity", "2", "-keystore", "server.p12");
        keytool(dir, "-certreq", "-alias", "server", "-keystore", "server.p12", "-file", "server.csr");
        keytool(dir, "-gencert", "-alias", "ca", "-keystore", "ca.p12", "-infile", "server.csr", "-outfile",
                "server.cer", "-ext", san, "-validity", "2");
        keytool(dir, "-importcert", "-alias", "ca", "-file", "ca.cer", "-keystore", "server.p12", "-noprompt");
        keytool(dir, "-importcert", "-alias", "server", "-file", "server.cer", "-keystore", "server.p12");
        keytool(dir, "-genkeypair", "-alias", "rogue", "-dname", "CN=rogue", "-keyalg", "EC", "-groupname",
                "secp256r1", "-validity", "2", "-ext", san, "-keystore", "rogue.p12");
        serverContext = serverContext(dir.resolve("server.p12"));
        rogueContext = serverContext(dir.resolve("rogue.p12"));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(dir.resolve("ca.cer"))) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, tmf.getTrustManagers(), null);
    }

    static synchronized TestPki get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("mm-test-pki");
                instance = new TestPki(dir);
            } catch (Exception e) {
                throw new IllegalStateException("could not make the test CA: " + e, e);
            }
        }
        return instance;
    }

    /** Trusts the test CA only: what the detector gets in the tests. */
    SSLContext clientContext() {
        return clientContext;
    }

    /** Serves the certificate the test CA signed. */
    SSLContext serverContext() {
        return serverContext;
    }

    /** Serves a self-signed certificate: a TLS failure for the client. */
    SSLContext rogueContext() {
        return rogueContext;
    }

    private static SSLContext serverContext(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storepass", "changeit", "-storetype", "PKCS12"));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
