package org.mailmigrator.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP/1.1 server on 127.0.0.1 for protocol fakes (Microsoft Graph's; the EWS tests keep a copy of their own
 * that may move here): keep-alive connections, request heads read with {@link HttpHeads}, bodies by Content-Length
 * (what {@code java.net.http} sends), one handler call per request; a handler that throws answers 500.
 */
public final class LoopbackHttp implements AutoCloseable {
    /** A request: method, raw path with its query, headers by lower-case name, body. */
    public record Request(String method, String path, Map<String, String> headers, byte[] body) {
    }

    /** An answer; Content-Length is added. {@code bytes}, when given, is the body as sent (binary answers). */
    public record Response(int status, Map<String, String> headers, String body, byte[] bytes) {
        /** A text answer, sent in UTF-8. */
        public Response(int status, Map<String, String> headers, String body) {
            this(status, headers, body, null);
        }
    }

    /** Answers one request. */
    public interface Handler {
        Response handle(Request request) throws Exception;
    }

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    public LoopbackHttp(Handler handler) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    threads.execute(() -> serve(client, handler));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    public int port() {
        return socket.getLocalPort();
    }

    private static void serve(Socket client, Handler handler) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            for (String head = HttpHeads.read(in); head != null; head = HttpHeads.read(in)) {
                String[] lines = head.split("\r\n");
                String[] requestLine = lines[0].split(" ");
                Map<String, String> headers = new LinkedHashMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    if (colon > 0) {
                        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                    }
                }
                byte[] body = in.readNBytes((int) HttpHeads.contentLength(head));
                Response r;
                try {
                    r = handler.handle(new Request(requestLine[0], requestLine[1], headers, body));
                } catch (Exception e) {
                    r = new Response(500, Map.of("Content-Type", "text/plain"), "fake failed: " + e);
                }
                byte[] payload = r.bytes() != null ? r.bytes() : r.body().getBytes(StandardCharsets.UTF_8);
                StringBuilder answer = new StringBuilder("HTTP/1.1 " + r.status() + " fake\r\n");
                r.headers().forEach((k, v) -> answer.append(k).append(": ").append(v).append("\r\n"));
                answer.append("Content-Length: ").append(payload.length).append("\r\n\r\n");
                out.write(answer.toString().getBytes(StandardCharsets.US_ASCII));
                out.write(payload);
                out.flush();
            }
        } catch (IOException gone) {
            // the client closed the connection
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
        threads.shutdownNow();
    }
}
