package org.mailmigrator.connector.ews.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.jobs.BatchManager;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.batch.jobs.Selection;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.workspace.BatchWorkspace;
import org.mailmigrator.batch.workspace.WorkspaceService;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.testing.Dovecot;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * Per-host connection limits by the real host (issue 13): an Exchange account is configured by its EWS URL
 * only (url and login, as the account editor makes it from the ews connector's declared settings), and its
 * connections count against the URL's host. Two rows copy a real Dovecot's mailboxes into two EWS PROTOCOL
 * FAKE mailboxes, run by the batch manager with two rows at a time and two connections per host (one session
 * per side): into one Exchange host the rows run one after the other, into two hosts they run together.
 * Every name used reaches this machine's loopback address; the limit counts hosts by name, as written.
 */
class PerHostLimitTest extends DovecotIntoEws {
    /** How long the first request to a mailbox waits for the other mailbox's first request. */
    private static final long HOLD_MS = 6000;
    private static final String BOB = "bob@example.org";
    @TempDir
    Path dir;

    @Test
    void twoExchangeMailboxesOnOneHostAreLimitedTogether() throws Exception {
        Meeting m = run("one", "2130706433", "2130706433");
        assertFalse(m.overlapped(), "the second row waits for the first one's connections: " + m);
    }

    @Test
    void exchangeMailboxesOnTwoHostsAreLimitedEachOnItsOwn() throws Exception {
        Meeting m = run("two", "2130706433", "[::ffff:127.0.0.1]");
        assertTrue(m.overlapped(), "both rows copy at once: " + m);
    }

    /** Row a: 127.0.0.1 into {@code hostA}; row b: localhost into {@code hostB} (sources on different hosts). */
    private Meeting run(String tag, String hostA, String hostB) throws Exception {
        List<MailCorpus.Mail> mails = MailCorpus.standard().subList(0, 3);
        MailCorpus.load(dovecot, tag + "-a", mails);
        MailCorpus.load(dovecot, tag + "-b", mails);
        Meeting meeting = new Meeting();
        try (EwsProtocolFake other = new EwsProtocolFake(BOB, EwsRun.PASSWORD)) {
            fake.onRequest = () -> meeting.arrive(0);
            other.onRequest = () -> meeting.arrive(1);
            Workspace ws = new Workspace(dir);
            try (BatchWorkspace w = service().open(ws, Optional.empty())) {
                w.vault(true);
                BatchStore store = w.store();
                BatchManager manager = w.manager();
                store.create(new BatchSpec(tag, List.of(), 2, 2, Optional.empty(), Optional.empty(), Instant.now()), Map.of());
                Secret imapPassword = Secret.of(Dovecot.PASSWORD);
                Secret ewsPassword = Secret.of(EwsRun.PASSWORD);
                w.add(tag, imap("127.0.0.1", tag + "-a"), imapPassword,
                        ews(fake.url(hostA), EwsRun.LOGIN), ewsPassword, MigrationOptions.mailOnly());
                w.add(tag, imap("localhost", tag + "-b"), imapPassword,
                        ews(other.url(hostB), BOB), ewsPassword, MigrationOptions.mailOnly());
                assertEquals(2, manager.start(tag, Selection.PENDING, List.of(), RunSettings.defaults().withAllowPlaintext(true)));
                assertTrue(manager.join(tag, Duration.ofSeconds(120)), "both rows end");
                assertEquals(List.of(MigrationStatus.SYNCED, MigrationStatus.SYNCED),
                        store.states(tag).stream().map(s -> s.status()).toList(),
                        store.states(tag).toString());
            }
            assertEquals(mails.size(), fake.mail.messages.size(), "every message of row a, once");
            assertEquals(mails.size(), other.mail.messages.size(), "every message of row b, once");
            assertEquals(List.of(), fake.violations);
            assertEquals(List.of(), other.violations);
        }
        return meeting;
    }

    private static WorkspaceService service() {
        BundleContext context = FrameworkUtil.getBundle(WorkspaceService.class).getBundleContext();
        ServiceReference<WorkspaceService> ref = context.getServiceReference(WorkspaceService.class);
        if (ref == null) {
            throw new IllegalStateException("no workspace service in the OSGi registry");
        }
        return context.getService(ref);
    }

    private static Account imap(String host, String login) {
        return new Account("imap", Map.of("host", host, "port", String.valueOf(dovecot.imapPort()), "security", "starttls",
                "login", login), null);
    }

    /** What the account editor stores for the ews connector: its declared url and login, no host. */
    private static Account ews(String url, String login) {
        return new Account("ews", Map.of("url", url, "login", login), null);
    }

    /**
     * When each mailbox's requests arrived. The first request to a mailbox waits (up to {@link #HOLD_MS}) for
     * the other mailbox's first request: rows allowed to run together then certainly do.
     */
    private static final class Meeting {
        private final List<List<Long>> arrivals = List.of(new ArrayList<>(), new ArrayList<>());

        synchronized void arrive(int mailbox) {
            boolean first = arrivals.get(mailbox).isEmpty();
            arrivals.get(mailbox).add(System.nanoTime());
            notifyAll();
            long end = System.nanoTime() + HOLD_MS * 1_000_000;
            while (first && arrivals.get(1 - mailbox).isEmpty() && System.nanoTime() < end) {
                try {
                    wait(Math.max(1, (end - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        /** Whether the spans of the two mailboxes' requests overlap: neither ended before the other began. */
        synchronized boolean overlapped() {
            List<Long> a = arrivals.get(0);
            List<Long> b = arrivals.get(1);
            return !a.isEmpty() && !b.isEmpty() && a.get(0) <= b.get(b.size() - 1) && b.get(0) <= a.get(a.size() - 1);
        }

        @Override
        public synchronized String toString() {
            return arrivals.get(0).size() + " and " + arrivals.get(1).size() + " requests, overlapping: " + overlapped();
        }
    }
}
