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
 * A small HTTP/1.1 server on 127.0.0.1 for protocol fakes (Microsoft Graph's, Exchange's EWS): keep-alive
 * connections, request heads read with {@link HttpHeads}, bodies by Content-Length (what {@code java.net.http} sends)
 * or chunked (what a streaming client may send), one handler call per request; a handler that throws answers 500, one
 * that throws {@link Drop} closes the connection without answering (a crashed or cut-off server).
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

    /** Thrown by a handler to close the connection without answering, as a crashed or cut-off server would. */
    public static final class Drop extends Exception {
        private static final long serialVersionUID = 1L;
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
        try (client; java.io.PushbackInputStream in = new java.io.PushbackInputStream(client.getInputStream());
                OutputStream out = client.getOutputStream()) {
            int first = in.read();
            if (first < 'A' || first > 'Z') { // not a request (a TLS ClientHello starts 0x16): answered as a plain server does
                if (first >= 0) {
                    out.write("HTTP/1.1 400 not HTTP\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                }
                return;
            }
            in.unread(first);
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
                byte[] body = body(in, head);
                Response r;
                try {
                    r = handler.handle(new Request(requestLine[0], requestLine[1], headers, body));
                } catch (Drop e) {
                    return;
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

    private static byte[] body(InputStream in, String head) throws IOException {
        if (!"chunked".equalsIgnoreCase(HttpHeads.header(head, "Transfer-Encoding"))) {
            return in.readNBytes((int) HttpHeads.contentLength(head));
        }
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
            all.write(in.readNBytes(size));
            line(in); // the CRLF after the chunk
        }
        for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
            // trailers are not used by the fakes
        }
        return all.toByteArray();
    }

    private static int chunkSize(InputStream in) throws IOException {
        String line = line(in);
        if (line == null) {
            throw new java.io.EOFException("chunked body cut short");
        }
        return Integer.parseInt(line.split(";")[0].trim(), 16);
    }

    private static String line(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
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
