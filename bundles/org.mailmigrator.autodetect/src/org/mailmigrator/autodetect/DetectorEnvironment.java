package org.mailmigrator.autodetect;

import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.function.UnaryOperator;

import javax.net.ssl.SSLContext;

import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Resolver;

/**
 * Everything the detector reaches the network through, so tests can point it at loopback servers and
 * production at the real Internet: the DNS resolver, where an https URL is really sent ({@code httpRoute}), the
 * TLS trust (an SSLContext), which port a probe of a standard port really connects to, the time limit of each
 * attempt, who confirms cross-domain redirects, and which steps run.
 */
public record DetectorEnvironment(Resolver resolver, UnaryOperator<URI> httpRoute, SSLContext sslContext,
        IntUnaryOperator probePort, Duration timeout, RedirectConfirmation confirmation, Set<Source> steps) {

    public DetectorEnvironment {
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(httpRoute, "httpRoute");
        Objects.requireNonNull(sslContext, "sslContext");
        Objects.requireNonNull(probePort, "probePort");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(confirmation, "confirmation");
        steps = steps.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(steps));
    }

    /** The system's DNS resolvers, real https on port 443 verified with the JDK's trust store, standard ports. */
    public static DetectorEnvironment system() {
        Duration timeout = Duration.ofSeconds(5);
        ExtendedResolver resolver = new ExtendedResolver();
        resolver.setTimeout(timeout);
        try {
            return new DetectorEnvironment(resolver, UnaryOperator.identity(), SSLContext.getDefault(),
                    IntUnaryOperator.identity(), timeout, RedirectConfirmation.REFUSE, EnumSet.allOf(Source.class));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no default TLS context", e);
        }
    }

    /** Only the presets: no DNS, no HTTP, no probe. */
    public DetectorEnvironment offline() {
        return withSteps(EnumSet.of(Source.PRESET));
    }

    public DetectorEnvironment withSteps(Set<Source> enabled) {
        return new DetectorEnvironment(resolver, httpRoute, sslContext, probePort, timeout, confirmation, enabled);
    }

    public DetectorEnvironment withConfirmation(RedirectConfirmation answer) {
        return new DetectorEnvironment(resolver, httpRoute, sslContext, probePort, timeout, answer, steps);
    }

    public DetectorEnvironment withTimeout(Duration limit) {
        resolver.setTimeout(limit);
        return new DetectorEnvironment(resolver, httpRoute, sslContext, probePort, limit, confirmation, steps);
    }
}
