package org.mailmigrator.connector.imap.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.ssl.SSLSocketFactory;

/**
 * The TLS socket factory of a session (imaps:// and STARTTLS), which puts TLS on a {@link WatchedSocket}: Angus
 * connects a plain socket and hands it here to be wrapped, so the stall watchdog sees the encrypted bytes.
 */
final class WatchedTls extends SSLSocketFactory {
    private final SSLSocketFactory tls;
    private final int stallSeconds;

    WatchedTls(SSLSocketFactory tls, int stallSeconds) {
        this.tls = tls;
        this.stallSeconds = stallSeconds;
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        WatchedSocket watched = s instanceof WatchedSocket w ? w : new StallWatch(stallSeconds).watch(s);
        watched.underTls(); // STARTTLS: the plain connection's buffers end here
        return tls.createSocket(watched, host, port, autoClose);
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return tls.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return tls.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return createSocket(new java.net.Socket(host, port), host, port, true);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(new java.net.Socket(host, port, localHost, localPort), host, port, true);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return createSocket(new java.net.Socket(host, port), host.getHostName(), port, true);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return createSocket(new java.net.Socket(address, port, localAddress, localPort), address.getHostName(), port, true);
    }
}
