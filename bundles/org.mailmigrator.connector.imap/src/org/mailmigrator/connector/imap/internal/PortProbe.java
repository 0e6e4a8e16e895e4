package org.mailmigrator.connector.imap.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * After a failed connection, finds out what the port speaks, so that the message says what to change:
 * a TLS handshake that completes means implicit TLS (imaps://); a "* OK" greeting in clear means plain IMAP
 * (imap://, STARTTLS). Nothing is sent beyond a handshake, no login; each probe is bounded to a few seconds.
 */
final class PortProbe {
    private static final int MILLIS = 4000;

    private PortProbe() {
    }

    /** True when a TLS handshake with the port completes. */
    static boolean speaksTls(String host, int port) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            // only to learn whether the port speaks TLS: the connection is closed after the handshake, unused
            tls.init(null, new TrustManager[] { new AnyCertificate() }, null);
            try (Socket raw = new Socket()) {
                raw.connect(new InetSocketAddress(host, port), MILLIS);
                raw.setSoTimeout(MILLIS);
                try (SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(raw, host, port, false)) {
                    s.startHandshake();
                    return true;
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            return false;
        }
    }

    /** True when the port greets in clear text as an IMAP server does ("* OK", "* PREAUTH", "* BYE"). */
    static boolean speaksPlainImap(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), MILLIS);
            s.setSoTimeout(MILLIS);
            InputStream in = s.getInputStream();
            byte[] b = new byte[16];
            int n = 0;
            while (n < 4) {
                int r = in.read(b, n, b.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            String start = new String(b, 0, n, StandardCharsets.US_ASCII).toUpperCase(java.util.Locale.ROOT);
            return start.startsWith("* OK") || start.startsWith("* PREAUTH") || start.startsWith("* BYE");
        } catch (IOException e) {
            return false;
        }
    }

    private static final class AnyCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // not a client
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // the probe sends nothing over this connection: who answers does not matter, only that it is TLS
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
