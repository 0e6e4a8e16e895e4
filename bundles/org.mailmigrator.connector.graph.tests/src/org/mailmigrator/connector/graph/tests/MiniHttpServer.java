package org.mailmigrator.connector.graph.tests;

import java.io.ByteArrayOutputStream;
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
 * A small HTTP/1.1 server on 127.0.0.1 (keep-alive, Content-Length and chunked request bodies): enough for
 * the Graph client's requests (a copy of the EWS tests' server), without depending on the JDK's com.sun.net.httpserver being visible in OSGi.
 */
final class MiniHttpServer implements AutoCloseable {
    record Request(String method, String path, Map<String, String> headers, byte[] body) {
    }

    record Response(int status, Map<String, String> headers, String body) {
    }

    /** Thrown by a handler to close the connection without answering, as a crashed or cut-off server would. */
    static final class Drop extends Exception {
        private static final long serialVersionUID = 1L;
    }

    interface Handler {
        Response handle(Request request) throws Exception;
    }

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    MiniHttpServer(Handler handler) throws IOException {
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

    int port() {
        return socket.getLocalPort();
    }

    private static void serve(Socket client, Handler handler) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            while (true) {
                String line = readLine(in);
                if (line == null || line.isEmpty()) {
                    return;
                }
                String[] parts = line.split(" ");
                Map<String, String> headers = new LinkedHashMap<>();
                for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
                    int colon = h.indexOf(':');
                    headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
                }
                byte[] body = body(in, headers);
                Response r;
                try {
                    r = handler.handle(new Request(parts[0], parts[1], headers, body));
                } catch (Drop e) {
                    return;
                } catch (Exception e) {
                    r = new Response(500, Map.of("Content-Type", "text/plain"), "fake failed: " + e);
                }
                byte[] payload = r.body().getBytes(StandardCharsets.UTF_8);
                StringBuilder head = new StringBuilder("HTTP/1.1 " + r.status() + " " + (r.status() == 200 ? "OK" : "Status") + "\r\n");
                r.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
                head.append("Content-Length: ").append(payload.length).append("\r\n\r\n");
                out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
                out.write(payload);
                out.flush();
            }
        } catch (IOException gone) {
            // the client closed the connection
        }
    }

    private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16)) {
                all.write(in.readNBytes(size));
                readLine(in);
            }
            readLine(in);
            return all.toByteArray();
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return in.readNBytes(length);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
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
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
