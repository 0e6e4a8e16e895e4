package org.mailmigrator.testing;

import java.io.IOException;
import java.nio.file.Path;

/** A self-signed test certificate for localhost and 127.0.0.1, made with openssl. */
final class Certificates {
    private Certificates() {
    }

    static void selfSigned(Path sslDir) throws IOException, InterruptedException {
        RunAs.run(RunAs.find("openssl").toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "3650",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", sslDir.resolve("key.pem").toString(), "-out", sslDir.resolve("cert.pem").toString());
    }
}
