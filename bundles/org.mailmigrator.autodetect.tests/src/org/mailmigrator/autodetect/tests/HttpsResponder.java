package org.mailmigrator.autodetect.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;

/**
 * A small HTTPS/1.1 server on 127.0.0.1 for autoconfig and Autodiscover answers. The detector's route sends
 * https://HOST/PATH here as /HOST/PATH, so one server plays every test domain; answers are keyed by
 * "HOST/PATH" (query ignored), anything else is a 404. Every request is logged.
 */
final class HttpsResponder implements AutoCloseable {
    /** One answer: a status, an optional Location, a body. */
    record Reply(int status, String location, String body) {
        static Reply ok(String body) {
            return new Reply(200, null, body);
        }

        static Reply redirect(String location) {
            return new Reply(302, location, "");
        }
    }

    /** One request as the logical URL the detector asked for. */
    record Request(String method, String url, String body) {
    }

    private final ServerSocket server;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    HttpsResponder(SSLContext context) throws IOException {
        server = context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::serve, "test-https-" + port());
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    HttpsResponder reply(String hostAndPath, Reply reply) {
        replies.put(hostAndPath.toLowerCase(Locale.ROOT), reply);
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> handle(socket), "test-https-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket socket) {
        try (socket) {
            socket.setSoTimeout(5000);
            InputStream in = socket.getInputStream();
            String[] requestLine = line(in).split(" ");
            int length = 0;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring(15).trim());
                }
            }
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            String target = requestLine[1].substring(1); // "HOST/PATH?QUERY"
            requests.add(new Request(requestLine[0], "https://" + target, body));
            String key = target.split("\\?", 2)[0].toLowerCase(Locale.ROOT);
            write(socket.getOutputStream(), replies.getOrDefault(key, new Reply(404, null, "not found")));
        } catch (IOException | RuntimeException e) {
            // a client that gave up (or failed the TLS handshake): nothing to answer
        }
    }

    private static void write(OutputStream out, Reply reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 " + reply.status() + " Test\r\n");
        head.append("Content-Type: text/xml; charset=utf-8\r\nConnection: close\r\n");
        head.append("Content-Length: ").append(body.length).append("\r\n");
        if (reply.location() != null) {
            head.append("Location: ").append(reply.location()).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
