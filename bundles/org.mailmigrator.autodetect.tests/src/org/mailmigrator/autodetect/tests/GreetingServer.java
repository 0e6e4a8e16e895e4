package org.mailmigrator.autodetect.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLContext;

/**
 * A mail server that only greets and lists its capabilities (IMAP CAPABILITY, POP3 CAPA, SMTP EHLO), over TLS
 * or in clear, with or without STARTTLS: what the probe step talks to. It refuses any other command.
 */
final class GreetingServer implements AutoCloseable {
    enum Kind { IMAP, POP3, SMTP }

    private final ServerSocket server;
    private final Kind kind;
    private final boolean startTls;
    private final AtomicInteger connections = new AtomicInteger();

    GreetingServer(Kind kind, SSLContext tls, boolean startTls) throws IOException {
        this.kind = kind;
        this.startTls = startTls;
        ServerSocketFactory factory = tls == null ? ServerSocketFactory.getDefault() : tls.getServerSocketFactory();
        server = factory.createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::serve, "test-" + kind + "-" + port());
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread t = new Thread(() -> talk(socket), "test-greeting");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void talk(Socket socket) {
        try (socket) {
            socket.setSoTimeout(5000);
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            String tls = startTls ? (kind == Kind.POP3 ? " STLS" : " STARTTLS") : "";
            send(out, switch (kind) {
                case IMAP -> "* OK Test IMAP ready";
                case POP3 -> "+OK Test POP3 ready";
                case SMTP -> "220 test.invalid ESMTP Test";
            });
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.toUpperCase(java.util.Locale.ROOT);
                if (command.endsWith("LOGOUT") || command.equals("QUIT")) {
                    send(out, kind == Kind.SMTP ? "221 bye" : kind == Kind.POP3 ? "+OK bye" : "* BYE\r\na2 OK bye");
                    return;
                } else if (command.endsWith(" CAPABILITY")) {
                    send(out, "* CAPABILITY IMAP4rev1 AUTH=PLAIN" + tls + "\r\na1 OK done");
                } else if (command.equals("CAPA")) {
                    send(out, "+OK\r\nUSER\r\nSASL PLAIN" + tls.replace(" ", "\r\n") + "\r\n.");
                } else if (command.startsWith("EHLO")) {
                    send(out, "250-test.invalid\r\n" + (startTls ? "250-STARTTLS\r\n" : "") + "250 AUTH PLAIN");
                } else {
                    send(out, kind == Kind.SMTP ? "502 no" : kind == Kind.POP3 ? "-ERR no" : "x BAD no");
                }
            }
        } catch (IOException e) {
            // the prober left, or failed the TLS handshake
        }
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
