package org.mailmigrator.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback {@link Relay} in front of a DAV server (Radicale) that reads the HTTP/1.1 requests going through it and
 * notes the path of every PUT the server answered: what a test needs to say "this run wrote nothing" or "no item was
 * written twice". A PUT answered 5xx was not processed (the client may send it again): it is noted apart
 * ({@link #serverErrors()}). A PUT written into a connection the server had already closed, or cut short, gets no
 * answer there (the client sends it again on a new one) and is not noted. Bytes pass unchanged.
 */
public final class PutCounter implements AutoCloseable {
    private final Relay relay;
    private final List<String> puts = new CopyOnWriteArrayList<>();
    private final List<String> serverErrors = new CopyOnWriteArrayList<>();

    public PutCounter(int targetPort) throws IOException {
        relay = Relay.to(targetPort).name("put-counter").onOpen(link -> {
            AtomicReference<String> pending = new AtomicReference<>();
            link.up((in, out) -> requests(in, out, pending));
            link.down(Relay.copy((b, n, before) -> {
                String answered = pending.getAndSet(null); // the first bytes after a request are its answer
                if (answered != null) {
                    // the status line starts the answer: "HTTP/1.1 201 Created"
                    boolean serverError = n >= 12 && b[9] == '5';
                    (serverError ? serverErrors : puts).add(answered);
                }
            }));
        }).start();
    }

    /** An {@code http://} URL to {@code path} through the relay. */
    public String url(String path) {
        return relay.url(path);
    }

    /** The paths of the PUT requests the server processed (any answer but 5xx), in order. */
    public List<String> puts() {
        return List.copyOf(puts);
    }

    /** Path to the number of PUT requests the server processed for it. */
    public Map<String, Integer> putsByPath() {
        return counted(puts);
    }

    /** Path to the number of PUT requests the server answered with a 5xx status (not processed). */
    public Map<String, Integer> serverErrors() {
        return counted(serverErrors);
    }

    private static Map<String, Integer> counted(List<String> paths) {
        Map<String, Integer> out = new TreeMap<>();
        paths.forEach(p -> out.merge(p, 1, Integer::sum));
        return out;
    }

    private static void requests(InputStream in, Relay.Sink out, AtomicReference<String> pending) throws IOException {
        for (String head = HttpHeads.read(in); head != null; head = HttpHeads.read(in)) {
            long length = HttpHeads.contentLength(head);
            byte[] body = in.readNBytes((int) length);
            if (body.length < length) {
                return; // cut short: the server gets no whole request
            }
            pending.set(head.startsWith("PUT ") ? head.split(" ", 3)[1] : null);
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
        }
    }

    @Override
    public void close() throws IOException {
        relay.close();
    }
}
