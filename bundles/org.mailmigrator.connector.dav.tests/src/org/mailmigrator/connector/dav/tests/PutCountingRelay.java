package org.mailmigrator.connector.dav.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.mailmigrator.testing.HttpHeads;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback relay in front of a DAV server that reads the HTTP/1.1 requests going through it and counts, per
 * path, the PUT requests the server processed (answered 2xx, or 4xx such as 412 for a conditional write of something
 * already there): what a test needs to say "no item was written twice". A PUT answered 5xx was not processed (the
 * client may send it again): it is counted apart ({@link #serverErrors()}). The answers go back byte for byte.
 */
final class PutCountingRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    private final Map<String, Integer> puts = new ConcurrentHashMap<>();
    private final Map<String, Integer> serverErrors = new ConcurrentHashMap<>();

    PutCountingRelay(int targetPort) throws IOException {
        this.target = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "put-counting-relay");
        accept.setDaemon(true);
        accept.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + listener.getLocalPort() + path;
    }

    /** Path to the number of whole PUT requests the server processed for it (any answer but 5xx). */
    Map<String, Integer> puts() {
        return Map.copyOf(puts);
    }

    /** Path to the number of PUT requests the server answered with a 5xx status (not processed). */
    Map<String, Integer> serverErrors() {
        return Map.copyOf(serverErrors);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                AtomicReference<String> pendingPut = new AtomicReference<>();
                daemon(() -> requests(client, server, pendingPut));
                daemon(() -> responses(server, client, pendingPut));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "put-counting-relay-conn");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Forwards the client's requests; a PUT is marked pending before it is forwarded and counted when the server's
     * answer starts ({@link #responses}): a request written into a connection the server had already closed is not
     * counted (the client then sends it again on a new one).
     */
    private void requests(Socket client, Socket server, AtomicReference<String> pendingPut) {
        try (client; server; InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
            while (true) {
                String head = HttpHeads.read(in);
                if (head == null) {
                    return;
                }
                String[] request = head.split(" ", 3);
                pendingPut.set(request[0].equals("PUT") ? request[1] : null);
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                long length = 0;
                for (String line : head.split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Long.parseLong(line.substring(15).trim());
                    }
                }
                byte[] body = in.readNBytes((int) length);
                if (body.length < length) {
                    pendingPut.set(null); // cut short: the server gets no whole request
                    return;
                }
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away (killed): nothing more to forward
        }
    }

    /** Forwards the server's answers; the first bytes after a PUT are its answer: the server processed it. */
    private void responses(Socket from, Socket to, AtomicReference<String> pendingPut) {
        byte[] buf = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                String put = pendingPut.getAndSet(null);
                if (put != null) {
                    // the status line starts the answer: "HTTP/1.1 201 Created"
                    String head = new String(buf, 0, Math.min(n, 12), StandardCharsets.ISO_8859_1);
                    boolean serverError = head.length() == 12 && head.charAt(9) == '5';
                    (serverError ? serverErrors : puts).merge(put, 1, Integer::sum);
                }
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
