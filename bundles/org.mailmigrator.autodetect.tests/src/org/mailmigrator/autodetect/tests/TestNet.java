package org.mailmigrator.autodetect.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.RegistryFactory;
import org.mailmigrator.autodetect.Detector;
import org.mailmigrator.autodetect.DetectorEnvironment;
import org.mailmigrator.autodetect.ProviderRegistry;
import org.mailmigrator.autodetect.RedirectConfirmation;
import org.mailmigrator.autodetect.Source;
import org.xbill.DNS.SimpleResolver;

/**
 * The loopback Internet of the tests: a DNS responder, an HTTPS responder with a certificate of the test CA, one
 * with an untrusted certificate for the hosts listed as rogue, and probe ports mapped to greeting servers (a
 * standard port that no server plays maps to a closed port). Nothing leaves 127.0.0.1.
 */
final class TestNet implements AutoCloseable {
    final DnsResponder dns;
    final HttpsResponder https;
    final HttpsResponder rogue;
    private final Set<String> rogueHosts = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Integer> probePorts = new ConcurrentHashMap<>();
    private final int closedPort;

    TestNet() throws IOException {
        TestPki pki = TestPki.get();
        dns = new DnsResponder(false);
        https = new HttpsResponder(pki.serverContext());
        rogue = new HttpsResponder(pki.rogueContext());
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
    }

    /** Requests to this host reach the server with the untrusted certificate. */
    TestNet rogueHost(String host) {
        rogueHosts.add(host.toLowerCase(Locale.ROOT));
        return this;
    }

    /** Probes of a standard port (993, 587...) connect to this loopback port. */
    TestNet probe(int standardPort, int loopbackPort) {
        probePorts.put(standardPort, loopbackPort);
        return this;
    }

    DetectorEnvironment environment(RedirectConfirmation confirmation) {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), dns.port()));
        Duration timeout = Duration.ofSeconds(3);
        resolver.setTimeout(timeout);
        return new DetectorEnvironment(resolver, this::route, TestPki.get().clientContext(),
                port -> probePorts.getOrDefault(port, closedPort), timeout, confirmation, EnumSet.allOf(Source.class));
    }

    Detector detector(RedirectConfirmation confirmation) {
        return new Detector(new ProviderRegistry(RegistryFactory.getRegistry()), environment(confirmation));
    }

    Detector detector() {
        return detector(RedirectConfirmation.REFUSE);
    }

    /** https://HOST:PORT/PATH?Q → https://127.0.0.1:TESTPORT/HOST/PATH?Q */
    private URI route(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = rogueHosts.contains(host) ? rogue.port() : https.port();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return URI.create("https://127.0.0.1:" + port + "/" + host + uri.getRawPath() + query);
    }

    @Override
    public void close() throws IOException {
        dns.close();
        https.close();
        rogue.close();
    }
}
