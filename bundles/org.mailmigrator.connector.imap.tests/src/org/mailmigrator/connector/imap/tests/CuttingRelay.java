package org.mailmigrator.connector.imap.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on loopback that cuts each connection after it carried {@code cutAfter} bytes from the server
 * to the client: a link that drops every few MB. Counts the cuts.
 */
final class CuttingRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final AtomicInteger cuts = new AtomicInteger();

    CuttingRelay(int targetPort, long cutAfter) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    pump(client.getInputStream(), server.getOutputStream(), Long.MAX_VALUE, client, server);
                    pump(server.getInputStream(), client.getOutputStream(), cutAfter, client, server);
                } catch (IOException e) {
                    // closed
                }
            }
        }, "cutting-relay");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    int cuts() {
        return cuts.get();
    }

    private void pump(InputStream in, OutputStream out, long limit, Socket a, Socket b) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            long carried = 0;
            try {
                for (int n; (n = in.read(buffer)) > 0;) {
                    int pass = (int) Math.min(n, limit - carried);
                    out.write(buffer, 0, pass);
                    out.flush();
                    carried += pass;
                    if (carried >= limit) {
                        cuts.incrementAndGet();
                        break;
                    }
                }
            } catch (IOException e) {
                // the other side closed
            } finally {
                close(a);
                close(b);
            }
        }, "cutting-relay-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
