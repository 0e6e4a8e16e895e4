package org.mailmigrator.connector.imap.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

import javax.net.SocketFactory;

/**
 * Plain sockets (imap://, STARTTLS) that give the server {@link #GREETING_MILLIS} for the first byte of its
 * greeting instead of the whole read timeout: a TLS-only port stays silent, waiting for a ClientHello, and
 * used to hang a run for minutes. A first byte that starts a TLS record fails at once too. After the
 * greeting the configured timeout applies.
 */
final class GreetingSockets extends SocketFactory {
    static final int GREETING_MILLIS = 5000;
    private final int stallSeconds;

    /** Sockets whose reads and writes are also watched for stalls ({@link StallWatch}). */
    GreetingSockets(int stallSeconds) {
        this.stallSeconds = stallSeconds;
    }

    /** No greeting in time (or a TLS record instead of one): the port may speak TLS. */
    static final class NoGreeting extends SocketTimeoutException {
        private static final long serialVersionUID = 1L;

        NoGreeting(String message) {
            super(message);
        }
    }

    @Override
    public Socket createSocket() {
        return watched(new GreetingSocket());
    }

    private Socket watched(Socket s) {
        return new StallWatch(stallSeconds).watch(s);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connect(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket s = watched(new GreetingSocket());
        s.bind(new InetSocketAddress(localHost, localPort));
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connect(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        Socket s = watched(new GreetingSocket());
        s.bind(new InetSocketAddress(localAddress, localPort));
        s.connect(new InetSocketAddress(address, port));
        return s;
    }

    private Socket connect(InetSocketAddress to) throws IOException {
        Socket s = watched(new GreetingSocket());
        s.connect(to);
        return s;
    }

    private static final class GreetingSocket extends Socket {
        private int configured;
        private boolean greeted;
        private InputStream in;

        @Override
        public synchronized void setSoTimeout(int timeout) throws SocketException {
            configured = timeout;
            super.setSoTimeout(greeted || (timeout > 0 && timeout < GREETING_MILLIS) ? timeout : GREETING_MILLIS);
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new FirstBytes(super.getInputStream());
            }
            return in;
        }

        private synchronized void greeted() throws SocketException {
            if (!greeted) {
                greeted = true;
                super.setSoTimeout(configured);
            }
        }

        private final class FirstBytes extends FilterInputStream {
            FirstBytes(InputStream in) {
                super(in);
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (greeted) {
                    return super.read(b, off, len);
                }
                int n;
                try {
                    n = super.read(b, off, len);
                } catch (SocketTimeoutException e) {
                    throw new NoGreeting("no IMAP greeting within " + GREETING_MILLIS / 1000 + " s");
                }
                if (n > 0 && (b[off] == 0x15 || b[off] == 0x16)) { // TLS alert or handshake record
                    throw new NoGreeting("the server answered with TLS instead of an IMAP greeting");
                }
                if (n > 0) {
                    greeted();
                }
                return n;
            }
        }
    }
}
