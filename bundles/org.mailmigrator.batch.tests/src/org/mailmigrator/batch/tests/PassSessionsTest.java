package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.internal.PassSessions;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Relay;

/**
 * A batch row's pass logs in once a side ({@link PassSessions}): its pre-flight, the count before the copy, the engine
 * and the completeness check used to log in again each (five times a side; over a 40 ms link four round trips and
 * more each, and a Jakarta Mail session built each time). Counted as connections through a relay on each side, against
 * Dovecot; the copy checked message for message. A session handed on is one the server still answers: one whose
 * connection was cut while it waited is closed and a new one opened in its place.
 */
class PassSessionsTest {

    @Test
    void aRowLogsInOnceASide(@TempDir Path dir) throws Exception {
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH)) {
            Mailboxes.fill(d, "ps-src", 40, 7, 0);
            AtomicInteger sourceLogins = new AtomicInteger();
            AtomicInteger destinationLogins = new AtomicInteger();
            try (Relay source = Relay.to(d.imapPort()).onOpen(l -> sourceLogins.incrementAndGet()).start();
                    Relay destination = Relay.to(d.imapPort()).onOpen(l -> destinationLogins.incrementAndGet()).start()) {
                String csv = "127.0.0.1:" + source.port() + ";ps-src;" + Dovecot.PASSWORD + ";127.0.0.1:"
                        + destination.port() + ";ps-dst;" + Dovecot.PASSWORD + ";;\n";
                try (SealedBatch batch = SealedBatch.of(dir, "once", csv)) {
                    batch.run(batch.id(0), RunSettings.defaults().withAllowPlaintext(true).withPreflight(true, false));
                    assertEquals(List.of(MigrationStatus.SYNCED), batch.statuses());
                }
            }
            Mailboxes.assertSame(d, "ps-src", "ps-dst");
            assertEquals(1, sourceLogins.get(), "connections to the source for one row's pre-flight, count, copy and check");
            // the destination's second: Angus Mail's own, for a folder's STATUS while that folder is open on the first
            assertTrue(destinationLogins.get() <= 2, destinationLogins.get() + " connections to the destination");
        }
    }

    @Test
    void aSessionWhoseConnectionWasCutIsNotHandedOn() throws Exception {
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH)) {
            Mailboxes.fill(d, "ps-cut", 3, 11, 0);
            List<Relay.Link> links = new CopyOnWriteArrayList<>();
            AtomicInteger closed = new AtomicInteger();
            try (Relay relay = Relay.to(d.imapPort()).onOpen(links::add).onClosed(l -> closed.incrementAndGet()).start();
                    PassSessions sessions = new PassSessions(() -> new ImapConnector().open(account(relay.port()),
                            Role.SOURCE, ConnectContext.of(Secret.of(Dovecot.PASSWORD))))) {
                try (ConnectorSession s = sessions.open()) {
                    assertTrue(folders(s).containsAll(Mailboxes.FOLDERS), folders(s)::toString);
                }
                try (ConnectorSession s = sessions.open()) { // the same connection, handed on
                    assertTrue(folders(s).containsAll(Mailboxes.FOLDERS), folders(s)::toString);
                }
                assertEquals(1, links.size());

                links.get(0).close(); // cut while the session waits for its next user
                try (ConnectorSession s = sessions.open()) {
                    assertTrue(folders(s).containsAll(Mailboxes.FOLDERS), folders(s)::toString);
                }
                assertEquals(2, links.size(), "a new login in place of the cut connection");
                assertEquals(1, awaitClosed(closed, 1), "the cut connection only");
                sessions.close(); // logs out the session waiting for a user
                assertEquals(2, awaitClosed(closed, 2), "the waiting session logged out when the pass ended");
            }
        }
    }

    /**
     * The relay's count of ended connections once it reached {@code n} (its pumps end a moment after a close), or
     * after 10 s; then 100 ms more, to see that no other connection ends.
     */
    private static int awaitClosed(AtomicInteger closed, int n) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (closed.get() < n && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        Thread.sleep(100);
        return closed.get();
    }

    private static List<String> folders(ConnectorSession s) throws Exception {
        return s.capability(MailStore.class).orElseThrow().folders().stream().map(f -> f.name()).toList();
    }

    private static Account account(int port) {
        return new Account("imap", Map.of("host", Dovecot.HOST, "port", String.valueOf(port), "security", "plain",
                "login", "ps-cut"), new CredentialRef("ps-cut"));
    }
}
