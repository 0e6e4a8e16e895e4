package org.mailmigrator.connector.dav.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback relay in front of a DAV server that reads the HTTP/1.1 requests going through it and counts, per
 * path, the PUT requests the server received whole: what a test needs to say "no item was written twice". The
 * answers go back byte for byte.
 */
final class PutCountingRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    private final Map<String, Integer> puts = new ConcurrentHashMap<>();

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

    /** Path to the number of whole PUT requests the server received for it. */
    Map<String, Integer> puts() {
        return Map.copyOf(puts);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                daemon(() -> requests(client, server));
                daemon(() -> pipe(server, client));
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

    private void requests(Socket client, Socket server) {
        try (client; server; InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
            while (true) {
                String head = head(in);
                if (head == null) {
                    return;
                }
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                long length = 0;
                for (String line : head.split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Long.parseLong(line.substring(15).trim());
                    }
                }
                byte[] body = in.readNBytes((int) length);
                out.write(body);
                out.flush();
                String[] request = head.split(" ", 3);
                if (body.length == length && request[0].equals("PUT")) {
                    puts.merge(request[1], 1, Integer::sum);
                }
                if (body.length < length) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away (killed): nothing more to forward
        }
    }

    /** The request line and headers up to the blank line, or null at the end of the stream. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int state = 0;
        for (int c = in.read(); c != -1; c = in.read()) {
            b.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            if (state == 4) {
                return b.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
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
