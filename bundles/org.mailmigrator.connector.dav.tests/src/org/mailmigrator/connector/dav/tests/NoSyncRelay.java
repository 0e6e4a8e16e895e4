package org.mailmigrator.connector.dav.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mailmigrator.testing.HttpHeads;

/**
 * A loopback relay in front of a real DAV server that makes it look like a server without sync-collection (RFC 6578):
 * the {@code sync-token} property is taken out of each PROPFIND request, so the server never names one. It records
 * each request (method, Authorization header, body) so that a test can say what a run asked for. Answers go back byte
 * for byte.
 */
final class NoSyncRelay implements AutoCloseable {
    /** One request as the server received it. */
    record Request(String method, String path, String authorization, String body) {
    }

    private final ServerSocket listener;
    private final int target;
    private final boolean hideSync;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    NoSyncRelay(int targetPort) throws IOException {
        this(targetPort, true);
    }

    /** @param hideSync false: only records (the server's sync-collection stays visible) */
    NoSyncRelay(int targetPort, boolean hideSync) throws IOException {
        this.hideSync = hideSync;
        this.target = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "no-sync-relay");
        accept.setDaemon(true);
        accept.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + listener.getLocalPort() + path;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    void clear() {
        requests.clear();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                daemon(() -> forward(client, server));
                daemon(() -> pipe(server, client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "no-sync-relay-conn");
        t.setDaemon(true);
        t.start();
    }

    private void forward(Socket client, Socket server) {
        try (client; server; InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
            while (true) {
                String head = HttpHeads.read(in);
                if (head == null) {
                    return;
                }
                long length = 0;
                String authorization = "";
                StringBuilder rest = new StringBuilder();
                String[] lines = head.split("\r\n");
                for (int i = 1; i < lines.length; i++) {
                    String lower = lines[i].toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Long.parseLong(lines[i].substring(15).trim());
                        continue;
                    }
                    if (lower.startsWith("authorization:")) {
                        authorization = lines[i].substring(14).trim();
                    }
                    if (!lines[i].isEmpty()) {
                        rest.append(lines[i]).append("\r\n");
                    }
                }
                String body = new String(in.readNBytes((int) length), StandardCharsets.UTF_8);
                String[] first = lines[0].split(" ", 3);
                if (hideSync && first[0].equals("PROPFIND")) {
                    body = body.replace("<d:sync-token/>", "");
                }
                requests.add(new Request(first[0], first[1], authorization, body));
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                out.write((lines[0] + "\r\n" + rest + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(bytes);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away
        }
    }

    private static void pipe(Socket from, Socket to) {
        byte[] buf = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
