package org.mailmigrator.connector.ews.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mailmigrator.testing.HttpHeads;
import org.mailmigrator.testing.Relay;

/**
 * A loopback relay in front of a DAV server (Radicale) that notes the path of every PUT request going through it:
 * what a test needs to say "this run wrote nothing" or "no item was written twice". Requests pass byte for byte.
 */
final class PutCounter implements AutoCloseable {
    private final Relay relay;
    private final List<String> puts = new CopyOnWriteArrayList<>();

    PutCounter(int targetPort) throws IOException {
        relay = Relay.to(targetPort).name("put-counter").onOpen(link -> {
            link.up(this::requests);
            link.down(Relay.copy());
        }).start();
    }

    String url(String path) {
        return relay.url(path);
    }

    /** The paths of the PUT requests so far, in order. */
    List<String> puts() {
        return List.copyOf(puts);
    }

    private void requests(InputStream in, Relay.Sink out) throws IOException {
        for (String head = HttpHeads.read(in); head != null; head = HttpHeads.read(in)) {
            byte[] body = in.readNBytes((int) HttpHeads.contentLength(head));
            if (head.startsWith("PUT ")) {
                puts.add(head.split(" ", 3)[1]);
            }
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
        }
    }

    @Override
    public void close() throws IOException {
        relay.close();
    }
}
