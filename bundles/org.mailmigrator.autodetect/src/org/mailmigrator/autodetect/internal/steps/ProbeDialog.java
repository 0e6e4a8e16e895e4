package org.mailmigrator.autodetect.internal.steps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.mailmigrator.autodetect.Protocol;
import org.mailmigrator.autodetect.Security;

/**
 * Connects to one guessed server, reads its greeting and asks for its capabilities (IMAP CAPABILITY, POP3 CAPA,
 * SMTP EHLO), then leaves. Never logs in. TLS is verified against the host name, not the address connected to.
 */
final class ProbeDialog {

    /** What the server said: its greeting and its capability lines, upper-cased. */
    record Answer(String greeting, List<String> capabilities) {
        boolean offers(String capability) {
            return capabilities.stream().anyMatch(c -> c.contains(capability));
        }
    }

    private ProbeDialog() {
    }

    /** @throws IOException with a message fit for the trail when the server is absent, silent or not that protocol */
    static Answer talk(Protocol protocol, String host, InetAddress ip, int port, Security security, SSLContext tls,
            int timeoutMillis) throws IOException {
        Socket raw = new Socket();
        try {
            raw.connect(new InetSocketAddress(ip, port), timeoutMillis);
            raw.setSoTimeout(timeoutMillis);
            Socket socket = raw;
            if (security == Security.TLS) {
                SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(raw, host, port, true);
                SSLParameters parameters = ssl.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(parameters);
                ssl.startHandshake();
                socket = ssl;
            }
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            return switch (protocol) {
                case IMAP -> imap(in, out);
                case POP3 -> pop3(in, out);
                case SMTP -> smtp(in, out);
                default -> throw new IllegalArgumentException(protocol + " is not probed");
            };
        } finally {
            raw.close();
        }
    }

    private static Answer imap(BufferedReader in, OutputStream out) throws IOException {
        String greeting = expect(in, "* OK", "an IMAP greeting");
        send(out, "a1 CAPABILITY");
        List<String> caps = new ArrayList<>();
        for (String line = line(in); !line.startsWith("a1 "); line = line(in)) {
            caps.add(line.toUpperCase(Locale.ROOT));
        }
        caps.add(greeting.toUpperCase(Locale.ROOT)); // some servers announce capabilities in the greeting only
        send(out, "a2 LOGOUT");
        return new Answer(greeting, caps);
    }

    private static Answer pop3(BufferedReader in, OutputStream out) throws IOException {
        String greeting = expect(in, "+OK", "a POP3 greeting");
        send(out, "CAPA");
        List<String> caps = new ArrayList<>();
        if (line(in).startsWith("+OK")) {
            for (String line = line(in); !line.equals("."); line = line(in)) {
                caps.add(line.toUpperCase(Locale.ROOT));
            }
        }
        send(out, "QUIT");
        return new Answer(greeting, caps);
    }

    private static Answer smtp(BufferedReader in, OutputStream out) throws IOException {
        String greeting = expect(in, "220", "an SMTP greeting");
        while (greeting.startsWith("220-")) {
            greeting = line(in);
        }
        send(out, "EHLO mailmigrator.invalid");
        List<String> caps = new ArrayList<>();
        String line;
        do {
            line = line(in);
            caps.add(line.toUpperCase(Locale.ROOT));
        } while (line.length() > 3 && line.charAt(3) == '-');
        send(out, "QUIT");
        return new Answer(greeting, caps);
    }

    private static String expect(BufferedReader in, String prefix, String what) throws IOException {
        String line = line(in);
        if (!line.startsWith(prefix)) {
            throw new IOException("answered '" + shorten(line) + "' instead of " + what);
        }
        return line;
    }

    private static String line(BufferedReader in) throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("closed the connection");
        }
        return line;
    }

    private static void send(OutputStream out, String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
