package org.mailmigrator.connector.ews.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.mailmigrator.testing.HttpHeads;
import org.mailmigrator.testing.Relay;

/**
 * A loopback relay in front of a DAV server (Radicale) that notes the path of every PUT request the server answered:
 * what a test needs to say "this run wrote nothing" or "no item was written twice". A PUT written into a connection the
 * server had already closed gets no answer there (the client sends it again on a new one) and is not noted. Bytes
 * pass unchanged.
 */
final class PutCounter implements AutoCloseable {
    private final Relay relay;
    private final List<String> puts = new CopyOnWriteArrayList<>();

    PutCounter(int targetPort) throws IOException {
        relay = Relay.to(targetPort).name("put-counter").onOpen(link -> {
            AtomicReference<String> pending = new AtomicReference<>();
            link.up((in, out) -> requests(in, out, pending));
            link.down(Relay.copy((b, n, before) -> {
                String answered = pending.getAndSet(null); // the first bytes after a request are its answer
                if (answered != null) {
                    puts.add(answered);
                }
            }));
        }).start();
    }

    String url(String path) {
        return relay.url(path);
    }

    /** The paths of the PUT requests so far, in order. */
    List<String> puts() {
        return List.copyOf(puts);
    }

    private static void requests(InputStream in, Relay.Sink out, AtomicReference<String> pending) throws IOException {
        for (String head = HttpHeads.read(in); head != null; head = HttpHeads.read(in)) {
            byte[] body = in.readNBytes((int) HttpHeads.contentLength(head));
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
