package org.mailmigrator.testing;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A self-signed test certificate for localhost and 127.0.0.1, made with openssl. The key is ECDSA P-256 (as many
 * public mail servers' certificates are): an RSA-2048 key took 0.3-1.5 s of openssl for every test server started on
 * the loaded 2-core CI machine, a P-256 key takes a few milliseconds; the client's checks (untrusted by default,
 * trusted by pin or trust store, host name) are the same for both.
 */
final class Certificates {
    private Certificates() {
    }

    static void selfSigned(Path sslDir) throws IOException, InterruptedException {
        RunAs.run(RunAs.find("openssl").toString(), "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-days", "3650", "-subj", "/CN=localhost", "-addext",
                "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", sslDir.resolve("key.pem").toString(), "-out",
                sslDir.resolve("cert.pem").toString());
    }
}
