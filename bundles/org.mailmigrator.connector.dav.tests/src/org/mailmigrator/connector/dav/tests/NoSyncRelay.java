package org.mailmigrator.connector.dav.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mailmigrator.testing.HttpHeads;
import org.mailmigrator.testing.Relay;

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

    private final boolean hideSync;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Relay relay;

    NoSyncRelay(int targetPort) throws IOException {
        this(targetPort, true);
    }

    /** @param hideSync false: only records (the server's sync-collection stays visible) */
    NoSyncRelay(int targetPort, boolean hideSync) throws IOException {
        this.hideSync = hideSync;
        this.relay = Relay.to(targetPort).name("no-sync-relay").onOpen(link -> link.up(this::forward)).start();
    }

    String url(String path) {
        return relay.url(path);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    void clear() {
        requests.clear();
    }

    private void forward(InputStream in, Relay.Sink out) throws IOException {
        for (String head = HttpHeads.read(in); head != null; head = HttpHeads.read(in)) {
            StringBuilder rest = new StringBuilder();
            String[] lines = head.split("\r\n");
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isEmpty() && !lines[i].toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    rest.append(lines[i]).append("\r\n");
                }
            }
            String authorization = HttpHeads.header(head, "Authorization");
            String body = new String(in.readNBytes((int) HttpHeads.contentLength(head)), StandardCharsets.UTF_8);
            String[] first = lines[0].split(" ", 3);
            if (hideSync && first[0].equals("PROPFIND")) {
                body = body.replace("<d:sync-token/>", "");
            }
            requests.add(new Request(first[0], first[1], authorization == null ? "" : authorization, body));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write((lines[0] + "\r\n" + rest + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
        }
    }

    @Override
    public void close() throws IOException {
        relay.close();
    }
}
