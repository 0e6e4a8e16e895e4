package org.mailmigrator.auth.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The redirect target of an interactive sign-in: a port on 127.0.0.1 that waits for the browser's one request
 * carrying {@code code} (or {@code error}) and {@code state}, answers it with a short page, and gives its URI.
 * Other requests (a browser's favicon) get 404. Loopback only: nothing outside this machine can answer.
 */
public final class LoopbackReceiver implements AutoCloseable {
    private final ServerSocket server;

    private LoopbackReceiver(ServerSocket server) {
        this.server = server;
    }

    public static LoopbackReceiver open() throws IOException {
        return new LoopbackReceiver(new ServerSocket(0, 8, InetAddress.getLoopbackAddress()));
    }

    public URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
    }

    /** The full redirect URI the browser was sent to, query included. */
    public URI await(Duration timeout) throws IOException {
        Instant end = Instant.now().plus(timeout);
        while (true) {
            long left = Duration.between(Instant.now(), end).toMillis();
            if (left <= 0) {
                throw new SocketTimeoutException("no answer from the browser within " + timeout.toSeconds() + " s");
            }
            server.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
            try (Socket s = server.accept()) {
                s.setSoTimeout(10_000);
                var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                String line = in.readLine();
                while (true) { // the headers: not needed
                    String h = in.readLine();
                    if (h == null || h.isEmpty()) {
                        break;
                    }
                }
                String[] parts = line == null ? new String[0] : line.split(" ");
                String target = parts.length >= 2 ? parts[1] : "";
                boolean answer = target.contains("state=") && (target.contains("code=") || target.contains("error="));
                reply(s.getOutputStream(), answer);
                if (answer) {
                    return URI.create("http://127.0.0.1:" + server.getLocalPort() + target);
                }
            }
        }
    }

    private static void reply(OutputStream out, boolean answer) throws IOException {
        String body = answer ? "<!DOCTYPE html><html><body><p>Mail Migrator received the sign-in. You can close this "
                + "tab.</p></body></html>" : "";
        String head = (answer ? "HTTP/1.1 200 OK" : "HTTP/1.1 404 Not Found") + "\r\nContent-Type: text/html; charset=utf-8"
                + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n";
        out.write((head + body).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
