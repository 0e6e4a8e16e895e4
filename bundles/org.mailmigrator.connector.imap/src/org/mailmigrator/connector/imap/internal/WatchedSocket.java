package org.mailmigrator.connector.imap.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import java.util.Set;

/**
 * A socket whose reads and writes are watched by a {@link StallWatch}: bytes moving either way are progress, and
 * a read or write that sees no byte for the stall limit ends the connection with {@link StallWatch.Stalled}.
 * It delegates to the real socket (plain, or the one a TLS layer is put on), so it also sits under imaps://
 * and STARTTLS, where it counts the encrypted bytes. Its streams are buffered ({@link WatchedInput},
 * {@link WatchedOutput}): fewer, larger system calls than Angus's own 2 KiB reads and its flush before each literal.
 */
final class WatchedSocket extends Socket {
    private final Socket real;
    private final StallWatch watch;
    private WatchedInput in;
    private WatchedOutput out;

    WatchedSocket(Socket real, StallWatch watch) {
        this.real = real;
        this.watch = watch;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (in == null) {
            in = new WatchedInput(real.getInputStream(), watch);
        }
        return in;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (out == null) {
            out = new WatchedOutput(real.getOutputStream(), watch);
        }
        return out;
    }

    /**
     * TLS starts on this connection (implicit TLS, or STARTTLS after its OK): writes go out at once from now on
     * (the TLS layer sends whole records), and anything the server sent in clear after the OK is dropped, as
     * Angus drops its own buffer, so no plaintext byte is taken as part of the TLS conversation.
     */
    synchronized void underTls() throws IOException {
        ((WatchedOutput) getOutputStream()).passThrough();
        ((WatchedInput) getInputStream()).dropBuffered();
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        real.connect(endpoint);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        real.connect(endpoint, timeout);
    }

    @Override
    public void bind(SocketAddress bindpoint) throws IOException {
        real.bind(bindpoint);
    }

    @Override
    public InetAddress getInetAddress() {
        return real.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return real.getLocalAddress();
    }

    @Override
    public int getPort() {
        return real.getPort();
    }

    @Override
    public int getLocalPort() {
        return real.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return real.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return real.getLocalSocketAddress();
    }

    @Override
    public SocketChannel getChannel() {
        return real.getChannel();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        real.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return real.getTcpNoDelay();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        real.setSoLinger(on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return real.getSoLinger();
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
        real.setSoTimeout(timeout);
    }

    @Override
    public synchronized int getSoTimeout() throws SocketException {
        return real.getSoTimeout();
    }

    @Override
    public synchronized void setSendBufferSize(int size) throws SocketException {
        real.setSendBufferSize(size);
    }

    @Override
    public synchronized int getSendBufferSize() throws SocketException {
        return real.getSendBufferSize();
    }

    @Override
    public synchronized void setReceiveBufferSize(int size) throws SocketException {
        real.setReceiveBufferSize(size);
    }

    @Override
    public synchronized int getReceiveBufferSize() throws SocketException {
        return real.getReceiveBufferSize();
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        real.setKeepAlive(on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return real.getKeepAlive();
    }

    @Override
    public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
        real.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return real.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return real.supportedOptions();
    }

    @Override
    public synchronized void close() throws IOException {
        watch.closed();
        real.close();
    }

    @Override
    public void shutdownInput() throws IOException {
        real.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        real.shutdownOutput();
    }

    @Override
    public boolean isConnected() {
        return real.isConnected();
    }

    @Override
    public boolean isBound() {
        return real.isBound();
    }

    @Override
    public boolean isClosed() {
        return real.isClosed();
    }

    @Override
    public boolean isInputShutdown() {
        return real.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return real.isOutputShutdown();
    }

    @Override
    public String toString() {
        return real.toString();
    }
}
