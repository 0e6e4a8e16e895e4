package org.mailmigrator.autodetect.tests;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * An authoritative DNS server on 127.0.0.1 (UDP), answering from records the test adds; dnsjava builds and parses
 * the messages. Every question is logged. A "silent" responder reads questions and never answers.
 */
final class DnsResponder implements AutoCloseable {
    private final DatagramSocket socket;
    private final Map<String, List<Record>> zone = new ConcurrentHashMap<>();
    private final List<String> questions = new CopyOnWriteArrayList<>();
    private final boolean silent;

    DnsResponder(boolean silent) throws IOException {
        this.silent = silent;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread thread = new Thread(this::serve, "test-dns-" + port());
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** "MX example.test", "SRV _imaps._tcp.example.test"... in the order asked. */
    List<String> questions() {
        return List.copyOf(questions);
    }

    long count(String question) {
        return questions.stream().filter(question::equals).count();
    }

    DnsResponder mx(String domain, int priority, String host) {
        return add(new MXRecord(name(domain), DClass.IN, 60, priority, name(host)));
    }

    DnsResponder srv(String name, int priority, int weight, int port, String target) {
        return add(new SRVRecord(name(name), DClass.IN, 60, priority, weight, port, name(target)));
    }

    DnsResponder a(String host) {
        return add(new ARecord(name(host), DClass.IN, 60, InetAddress.getLoopbackAddress()));
    }

    private DnsResponder add(Record record) {
        zone.computeIfAbsent(key(record.getName()), k -> new CopyOnWriteArrayList<>()).add(record);
        return this;
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                Record question = query.getQuestion();
                String name = key(question.getName());
                questions.add(Type.string(question.getType()) + " " + name.substring(0, name.length() - 1));
                if (silent) {
                    continue;
                }
                byte[] answer = answer(query, question, name).toWire();
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException e) {
                // closed, or a malformed packet: a test server just goes on
            }
        }
    }

    private Message answer(Message query, Record question, String name) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        response.addRecord(question, Section.QUESTION);
        List<Record> records = zone.get(name);
        if (records == null) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
            return response;
        }
        records.stream().filter(r -> r.getType() == question.getType()).forEach(r -> response.addRecord(r, Section.ANSWER));
        return response;
    }

    private static String key(Name name) {
        return name.toString().toLowerCase(Locale.ROOT);
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text.endsWith(".") ? text : text + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
