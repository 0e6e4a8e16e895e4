package org.mailmigrator.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Dovecot ({@link Dovecot.Layout#SLASH}, default options) for all the test classes of a test bundle's run that
 * ask for it: a JUnit 5 extension handing it to {@link Dovecot} parameters of tests, {@code @BeforeAll} and
 * {@code @BeforeEach} methods. It is started at the first request and kept in the root {@link ExtensionContext}'s
 * store, which closes it when the run ends. Each test sharing it uses accounts of its own (every login is a fresh
 * Maildir), so the tests stay independent; a test that stops, fills, reconfigures or reads the log of its server
 * starts its own with {@link Dovecot#start}.
 *
 * <pre>
 * &#64;ExtendWith(SharedDovecot.class)
 * class SomeTest {
 *     &#64;Test
 *     void copies(Dovecot dovecot, &#64;TempDir Path dir) { ... accounts "some-src", "some-dst" ... }
 * }
 * </pre>
 */
public final class SharedDovecot implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedDovecot.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Dovecot.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, k -> Running.start(),
                Running.class).dovecot;
    }

    /** The shared server as a store value: the root store closes it at the end of the run (JUnit 5.13+). */
    private record Running(Dovecot dovecot) implements AutoCloseable {
        /** Starts the server; JUnit reports a failure here as the failure to resolve the test's parameter. */
        static Running start() {
            try {
                return new Running(Dovecot.start(Dovecot.Layout.SLASH));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("the shared Dovecot did not start: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the shared Dovecot", e);
            }
        }

        @Override
        public void close() {
            dovecot.close();
        }
    }
}
