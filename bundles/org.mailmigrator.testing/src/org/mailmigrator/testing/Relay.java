package org.mailmigrator.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A TCP relay on loopback in front of a server, for tests that must see or bend what goes over the wire: it accepts
 * a client, connects to the server, and runs one thread per direction. By default each direction passes byte for
 * byte; a test changes that per connection in {@link Builder#onOpen} by giving its {@link Link} other {@link Pump}s
 * (read and rewrite an HTTP request head, answer an IMAP command itself, count, cut after N bytes, {@link Link#stall
 * stall}) and counts connections with {@link Builder#onOpen}/{@link Builder#onClosed}.
 * <p>
 * When a direction ends, both sockets are closed (a cut the other side sees). A server that refuses the connection
 * makes the relay close the client's socket. {@link #close} closes the listener and every relayed connection.
 */
public final class Relay implements AutoCloseable {
    /** Reads what one side sends and passes it on to the other side, until the end of {@code in}. */
    @FunctionalInterface
    public interface Pump {
        void pump(InputStream in, Sink out) throws IOException, InterruptedException;
    }

    /** One side of a connection to write to; each write is flushed, and the writes of two threads do not mix. */
    @FunctionalInterface
    public interface Sink {
        void write(byte[] b, int off, int len) throws IOException;

        default void write(byte[] b) throws IOException {
            write(b, 0, b.length);
        }
    }

    /** What a counting pump is told before a chunk passes: its bytes and how many bytes passed before it. */
    @FunctionalInterface
    public interface Chunk {
        void seen(byte[] b, int len, long before) throws IOException, InterruptedException;
    }

    private static final int BUFFER = 16384;
    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Builder how;
    private final Set<Link> open = ConcurrentHashMap.newKeySet();

    private Relay(int targetPort, Builder how) throws IOException {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        this.how = how;
        this.listener = new ServerSocket();
        if (how.receiveBuffer > 0) {
            listener.setReceiveBufferSize(how.receiveBuffer); // small buffers: a stalled upload blocks the writer soon
        }
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        Thread.ofPlatform().daemon().name(how.name).start(this::accept);
    }

    /** A relay to the server on the loopback port {@code targetPort}, to configure and {@link Builder#start}. */
    public static Builder to(int targetPort) {
        return new Builder(targetPort);
    }

    /**
     * A relay to {@code targetPort} counting the client's turns into {@code turns}: a turn is the client speaking after
     * the server did, i.e. one round trip. Each answer is held {@code holdMillis} first, as a network would, so that
     * loopback does not answer a command before the client has written the rest of its burst.
     */
    public static Relay countingTurns(int targetPort, AtomicInteger turns, long holdMillis) throws IOException {
        return to(targetPort).name("turn-counter").onOpen(link -> {
            AtomicBoolean serverSpoke = new AtomicBoolean(true);
            link.up(copy((b, n, before) -> {
                if (serverSpoke.getAndSet(false)) {
                    turns.incrementAndGet();
                }
            }));
            link.down(copy((b, n, before) -> {
                Thread.sleep(holdMillis);
                serverSpoke.set(true); // just before the answer is passed on to the client
            }));
        }).start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** An {@code http://} URL to {@code path} through this relay. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /**
     * One line of a text protocol as sent, with its line end ({@code \n} ends it); the bytes before the end of the
     * stream when it ends without one; null at the end. For pumps that read a client's commands line by line.
     */
    public static byte[] line(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (int c = in.read(); c >= 0; c = in.read()) {
            b.write(c);
            if (c == '\n') {
                return b.toByteArray();
            }
        }
        return b.size() == 0 ? null : b.toByteArray();
    }

    /** Byte for byte. */
    public static Pump copy() {
        return copy((b, len, before) -> {
        });
    }

    /** Byte for byte, telling {@code chunk} of each chunk before it passes. */
    public static Pump copy(Chunk chunk) {
        return (in, out) -> {
            byte[] buf = new byte[BUFFER];
            long passed = 0;
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                chunk.seen(buf, n, passed);
                out.write(buf, 0, n);
                passed += n;
            }
        };
    }

    /**
     * Byte for byte at no more than {@code bytesPerSecond}, as a narrow link carries them: each chunk leaves when the
     * link would have carried the chunks before it (time idle earns no burst), telling {@code chunk} of it first. The
     * relay reads no faster than it sends, so a faster sender waits once the sockets' buffers are full. One pump per
     * direction: it keeps that direction's pace.
     */
    public static Pump throttled(double bytesPerSecond, Chunk chunk) {
        long[] free = { 0 }; // when the link has carried everything passed so far
        return copy((b, n, before) -> {
            free[0] = Math.max(free[0], System.nanoTime()) + (long) (n * 1e9 / bytesPerSecond);
            long wait = free[0] - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            chunk.seen(b, n, before);
        });
    }

    /** Passes {@code limit} bytes, then ends this direction (the connection is cut) and runs {@code onCut}. */
    public static Pump cutAfter(long limit, Runnable onCut) {
        return (in, out) -> {
            byte[] buf = new byte[BUFFER];
            long carried = 0;
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                int pass = (int) Math.min(n, limit - carried);
                out.write(buf, 0, pass);
                carried += pass;
                if (carried >= limit) {
                    onCut.run();
                    return;
                }
            }
        };
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            Link link = new Link(client);
            how.onOpen.accept(link);
            try {
                link.server.connect(target, 5000);
            } catch (IOException e) {
                link.close(); // the server refused: so does the relay
                how.onClosed.accept(link);
                continue;
            }
            open.add(link);
            if (listener.isClosed()) {
                link.close();
            }
            start(link, link.up, client, link.server);
            start(link, link.down, link.server, client);
        }
    }

    private void start(Link link, Pump pump, Socket from, Socket to) {
        Thread.ofPlatform().daemon().name(how.name + "-pump").start(() -> {
            try {
                pump.pump(from.getInputStream(), link.sink(to));
            } catch (IOException | InterruptedException e) {
                // one side closed, or the relay did
            } finally {
                link.close();
                if (link.ends.decrementAndGet() == 0) {
                    open.remove(link);
                    how.onClosed.accept(link);
                }
            }
        });
    }

    @Override
    public void close() throws IOException {
        listener.close();
        open.forEach(Link::close);
    }

    /** One relayed connection: the client's socket and the relay's socket to the server. */
    public final class Link {
        private final Socket client;
        private final Socket server = new Socket();
        private final AtomicInteger ends = new AtomicInteger(2);
        private Pump up = copy();
        private Pump down = copy();
        private volatile boolean stalled;

        private Link(Socket client) {
            this.client = client;
        }

        /** How the client's bytes go to the server (set in {@link Builder#onOpen}). */
        public Link up(Pump pump) {
            this.up = pump;
            return this;
        }

        /** How the server's bytes go to the client (set in {@link Builder#onOpen}). */
        public Link down(Pump pump) {
            this.down = pump;
            return this;
        }

        /** Writes to the client (an answer the relay gives instead of the server). */
        public Sink toClient() {
            return sink(client);
        }

        /**
         * Goes silent without closing: from now on nothing more is written either way on this connection, whose
         * sockets stay open until the relay is closed (a half-dead NAT or server). A pump blocks in its next write,
         * so it stops reading too.
         */
        public void stall() {
            stalled = true;
        }

        /** Closes both sockets (a cut). */
        public void close() {
            quietly(client);
            quietly(server);
        }

        private Sink sink(Socket to) {
            return (b, off, len) -> {
                synchronized (to) {
                    waitWhileStalled();
                    OutputStream out = to.getOutputStream();
                    out.write(b, off, len);
                    out.flush();
                }
            };
        }

        private void waitWhileStalled() throws IOException {
            while (stalled && !listener.isClosed()) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while stalled", e);
                }
            }
            if (stalled) {
                throw new IOException("the relay closed while stalled");
            }
        }

        private static void quietly(Socket s) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    /** How a relay treats its connections; {@link #start} opens it. */
    public static final class Builder {
        private final int targetPort;
        private String name = "relay";
        private int receiveBuffer;
        private Consumer<Link> onOpen = link -> {
        };
        private Consumer<Link> onClosed = link -> {
        };

        private Builder(int targetPort) {
            this.targetPort = targetPort;
        }

        /** The name of its threads. */
        public Builder name(String threadName) {
            this.name = threadName;
            return this;
        }

        /** The receive buffer of accepted sockets (small: a stalled upload blocks the client soon). */
        public Builder receiveBuffer(int bytes) {
            this.receiveBuffer = bytes;
            return this;
        }

        /** Runs for each accepted client, before the relay connects to the server: count it, give it pumps. */
        public Builder onOpen(Consumer<Link> hook) {
            this.onOpen = hook;
            return this;
        }

        /** Runs once both directions of a connection ended, or the server refused it. */
        public Builder onClosed(Consumer<Link> hook) {
            this.onClosed = hook;
            return this;
        }

        public Relay start() throws IOException {
            return new Relay(targetPort, this);
        }
    }
}
