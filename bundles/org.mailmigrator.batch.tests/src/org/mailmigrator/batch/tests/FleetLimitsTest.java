package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.auth.SignIns;
import org.mailmigrator.auth.TokenHome;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.SignIn;
import org.mailmigrator.core.state.DatabaseStore;
import org.mailmigrator.core.state.SharedLimits;
import org.mailmigrator.core.state.StateException;
import org.mailmigrator.testing.ChildJvm;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Postgres;
import org.mailmigrator.testing.Relay;
import org.mailmigrator.testing.TokenTestServer;

/**
 * Limits across the fleet (docs/postgresql.md, "Limits across machines"): worker processes ({@link FleetChild}, each its
 * own workspace and batch, one PostgreSQL database as their store) read their sources from one host, the relay in front
 * of Dovecot that counts connections and logs who logs in when. One Dovecot and one PostgreSQL cluster for the class, a
 * fresh database per test; leases of 4 s (renewed every 1.3 s) so that a dead worker's come back quickly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetLimitsTest {
    private static final int LEASE_SECONDS = 4;
    private Dovecot dovecot;
    private Postgres pg;

    @BeforeAll
    void start() throws Exception {
        dovecot = Dovecot.start(Dovecot.Layout.SLASH);
        pg = Postgres.start();
    }

    @AfterAll
    void stop() throws Exception {
        try (Dovecot d = dovecot; Postgres p = pg) {
            // both stopped
        }
    }

    @Test
    void twoWorkersOnOneHostWithLimitTwoNeverOpenMoreThanTwoAndBothFinish(@TempDir Path dir) throws Exception {
        try (Logins relay = new Logins(dovecot.imapPort(), 8000)) {
            String db = pg.createDatabase();
            Path a = workspace(dir, "fa", relay, 2, 2);
            Path b = workspace(dir, "fb", relay, 2, 2);
            Worker wa = Worker.start(a, "fa", pg, db);
            Worker wb = Worker.start(b, "fb", pg, db);
            assertEquals(0, wa.waitFor(), wa.out());
            assertEquals(0, wb.waitFor(), wb.out());
            for (String w : List.of("fa", "fb")) {
                for (int i = 0; i < 2; i++) {
                    Mailboxes.assertSame(dovecot, w + i, w + "d" + i);
                }
            }
            assertEquals(4, wa.synced() + wb.synced(), wa.out() + wb.out());
            assertTrue(relay.users("fa") > 0 && relay.users("fb") > 0, "both workers read through the relay: " + relay.log);
            // one session costs 2 connections (Angus Mail's store and its folder): one row at a time on the whole fleet
            assertTrue(relay.max.get() <= 2, "at most 2 connections to the source host at once, saw " + relay.max.get()
                    + "\n" + relay.log);
            // a row reserves the whole limit (2 per session): no two workers' rows were connected at the same time
            assertFalse(relay.mixed, "a worker logged in while the other worker's row was connected\n" + relay.log);
            assertEquals("0", pg.sql(db, "select count(*) from mm_host_lease").trim(), "every lease given back");
        }
    }

    @Test
    void aWorkerKilledHoldingSlotsGivesThemBackWhenItsLeaseExpires(@TempDir Path dir) throws Exception {
        try (Logins relay = new Logins(dovecot.imapPort(), 0)) {
            String db = pg.createDatabase();
            Path a = workspace(dir, "ka", relay, 1, 2);
            Path b = workspace(dir, "kb", relay, 1, 2);
            Worker wa = Worker.start(a, "ka", pg, db);
            Worker wb = Worker.start(b, "kb", pg, db);
            for (long end = System.currentTimeMillis() + 60_000; relay.log.isEmpty();) {
                assertTrue(System.currentTimeMillis() < end, "a worker logs in\n" + wa.out() + wb.out());
                Thread.sleep(5);
            }
            // the worker that got the host's only slot (2 connections) is X, killed with SIGKILL while it holds it
            boolean aFirst = relay.log.get(0).user().startsWith("ka");
            Worker x = aFirst ? wa : wb;
            Worker y = aFirst ? wb : wa;
            String other = aFirst ? "kb" : "ka";
            x.process.destroyForcibly();
            assertTrue(x.process.waitFor(30, TimeUnit.SECONDS));
            long killed = System.currentTimeMillis();
            String lease = pg.sql(db, "select connections || ' ' || (extract(epoch from expires) * 1000)::bigint"
                    + " from mm_host_lease where host = '127.0.0.1'").trim();
            assertTrue(lease.startsWith("2 "), "the dead worker's lease on the host is still there: " + lease);
            long expires = Long.parseLong(lease.split(" ")[1]);
            assertTrue(expires - killed <= LEASE_SECONDS * 1000L + 100, "it expires within the lease time: " + lease);

            assertEquals(0, y.waitFor(), y.out());
            assertEquals(1, y.synced(), y.out());
            Mailboxes.assertSame(dovecot, other + "0", other + "d0");
            long first = relay.firstLogin(other);
            assertTrue(first >= expires - 50, "the other worker waited for the dead worker's lease to expire: it logged in "
                    + (first - expires) + " ms after\n" + relay.log);
            assertTrue(first - expires < 10_000, "and then got its slots at once: " + (first - expires) + " ms after");
            assertTrue(relay.max.get() <= 2, "at most 2 connections at once, saw " + relay.max.get());
            assertEquals("0", pg.sql(db, "select count(*) from mm_host_lease").trim(), "the expired lease was cleared");
        }
    }

    @Test
    void aThrottlingAnswerToOneWorkerPausesTheOtherWorker(@TempDir Path dir) throws Exception {
        Mailboxes.fillSized(dovecot, "hb-a-src", 6, 2_000);
        Mailboxes.fillSized(dovecot, "hb-b-src", 6, 2_000);
        try (HostBackoffTest.Throttling relay = new HostBackoffTest.Throttling(dovecot.imapPort())) {
            String db = pg.createDatabase();
            Path a = throttledWorkspace(dir, "hb-a", relay.port());
            Path b = throttledWorkspace(dir, "hb-b", relay.port());
            Worker wa = Worker.start(a, "hb-a", pg, db);
            Worker wb = Worker.start(b, "hb-b", pg, db);
            assertEquals(0, wa.waitFor(), wa.out());
            assertEquals(0, wb.waitFor(), wb.out());
            assertTrue(relay.injected > 0, "worker A was answered 'throttled'\n" + relay.log);
            long after = relay.log.stream().filter(e -> e.user().equals("hb-b-src") && e.at() > relay.released)
                    .mapToLong(HostBackoffTest.Sent::at).min().orElse(-1);
            assertTrue(after > 0, "worker B went on afterwards\n" + relay.log);
            assertTrue(after - relay.injected >= HostBackoffTest.PAUSE - 250, "worker B's next command came "
                    + (after - relay.injected) + " ms after worker A's throttling answer, not after the "
                    + HostBackoffTest.PAUSE + " ms pause\n" + relay.log);
            Mailboxes.assertSame(dovecot, "hb-a-src", "hb-a-dst");
            Mailboxes.assertSame(dovecot, "hb-b-src", "hb-b-dst");
        }
    }

    /**
     * One OAuth2 refresh per credential across processes: two token sources of one stored credential, as two worker
     * processes would hold (each its own in-process lock, its own database sessions), refresh at the same moment
     * against an authorization server that rotates the refresh token and refuses a used one. The first to read the
     * credential waits up to 2 s for the other to read it too: without the lock in the database both would send
     * {@code rt-0} and one be refused; with it the second reads the token the first was given. (The credential here is
     * a value both share, standing for the batch store in the database, which is not built yet.)
     */
    @Test
    void twoProcessesRefreshingOneCredentialSendEachRefreshTokenOnce() throws Exception {
        try (TokenTestServer idp = new TokenTestServer("alice@example.org", "rt-0")) {
            DatabaseStore store = DatabaseStore.parse(pg.url(pg.createDatabase()), Map.of("PGPASSWORD", pg.password()));
            AtomicReference<String> credential = new AtomicReference<>("{\"type\":\"authorized_user\",\"client_id\":\""
                    + TokenTestServer.CLIENT + "\",\"refresh_token\":\"rt-0\",\"token_uri\":\"" + idp.tokenEndpoint() + "\"}");
            CountDownLatch bothRead = new CountDownLatch(2);
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
            try (SharedLimits one = store.sharedLimits("worker-1"); SharedLimits two = store.sharedLimits("worker-2")) {
                List<CompletableFuture<Secret>> tokens = new java.util.ArrayList<>();
                for (SharedLimits process : List.of(one, two)) {
                    TokenHome home = new SharedCredential(credential, process, bothRead);
                    SignIn.TokenSource source = ((SignIn.Bearer) SignIns.of(Map.of(SignIns.AUTH, "xoauth2"), "alice@example.org",
                            Secret.of(credential.get()), "the test credential", Optional.of(home)).orElseThrow()).tokens();
                    tokens.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            return source.accessToken();
                        } catch (ConnectorException e) {
                            throw new IllegalStateException(e.getMessage(), e);
                        }
                    }, threads)); // two threads at once, as two processes (the common pool may have one)
                }
                for (CompletableFuture<Secret> t : tokens) {
                    assertTrue(t.get(60, TimeUnit.SECONDS).reveal().length > 0, "an access token");
                }
            } finally {
                threads.shutdownNow();
            }
            assertEquals(0, idp.refusedGrants(), "no refresh token was sent twice");
            assertEquals(2, idp.rotations(), "each process refreshed once, the second with the first one's new token");
            assertTrue(credential.get().contains(idp.refreshToken()), "the credential holds the newest token");
        }
    }

    /** One stored credential shared by two processes: each its own in-process lock, the database's lock across them. */
    private record SharedCredential(AtomicReference<String> kept, SharedLimits process, CountDownLatch bothRead)
            implements TokenHome {
        @Override
        public Secret read() {
            bothRead.countDown();
            try {
                bothRead.await(2, TimeUnit.SECONDS); // the other process reads now too, unless the lock holds it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Secret.of(kept.get());
        }

        @Override
        public void write(Secret json) {
            kept.set(new String(json.reveal()));
        }

        @Override
        public Object lock() {
            return this;
        }

        @Override
        public Hold acrossProcesses() throws ConnectorException {
            try {
                return process.lock("oauth:test-credential", java.time.Duration.ofSeconds(30))::close;
            } catch (StateException e) {
                throw new ConnectorException.TransientFailure(e.getMessage(), e);
            }
        }
    }

    /**
     * A workspace with batch {@code name}: {@code rows} pairs NAME0… → NAMEd0…, the sources read through the relay
     * (host 127.0.0.1), the destinations straight from Dovecot under the name localhost (another host).
     */
    private Path workspace(Path dir, String name, Logins relay, int rows, int perHost) throws Exception {
        StringBuilder csv = new StringBuilder("source.server,source.login,source.password,destination.server,"
                + "destination.login,destination.password\n");
        for (int i = 0; i < rows; i++) {
            Mailboxes.fill(dovecot, name + i, 9, 70 + i, 0);
            csv.append("imap://127.0.0.1:").append(relay.port()).append(',').append(name).append(i).append(",testpass,")
                    .append("imap://localhost:").append(dovecot.imapPort()).append(',').append(name).append('d').append(i)
                    .append(",testpass\n");
        }
        return imported(dir, name, csv.toString(), perHost);
    }

    private Path throttledWorkspace(Path dir, String name, int relayPort) throws Exception {
        return imported(dir, name, "source.server,source.login,source.password,destination.server,destination.login,"
                + "destination.password\nimap://127.0.0.1:" + relayPort + "," + name + "-src,testpass,imap://localhost:"
                + dovecot.imapPort() + "," + name + "-dst,testpass\n", 16);
    }

    private static Path imported(Path dir, String name, String csv, int perHost) throws IOException {
        Path file = Files.writeString(dir.resolve(name + ".csv"), csv);
        Path ws = dir.resolve("ws-" + name);
        CliRun imported = CliRun.of("batch", "import", file.toString(), "--workspace", ws.toString(), "--parallel", "2",
                "--per-host", String.valueOf(perHost));
        assertEquals(0, imported.code(), imported.toString());
        return ws;
    }

    /** A worker process and what it printed. */
    private record Worker(Process process, CompletableFuture<String> output) {
        static Worker start(Path ws, String batch, Postgres pg, String db) throws IOException {
            ProcessBuilder pb = ChildJvm.command(FleetChild.BUNDLES, FleetChild.class,
                    List.of("-Xmx256m", "-Dmailmigrator.fleet.lease.seconds=" + LEASE_SECONDS),
                    List.of(ws.toString(), batch, pg.url(db))).redirectErrorStream(true);
            pb.environment().put("PGPASSWORD", pg.password());
            Process p = pb.start();
            return new Worker(p, CompletableFuture.supplyAsync(() -> {
                StringBuilder seen = new StringBuilder();
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null;) {
                        seen.append(line).append('\n');
                    }
                } catch (IOException e) {
                    seen.append(e);
                }
                return seen.toString();
            }));
        }

        int waitFor() throws Exception {
            assertTrue(process.waitFor(180, TimeUnit.SECONDS), "the worker ends");
            return process.exitValue();
        }

        String out() {
            return output.getNow("(still running)");
        }

        long synced() throws Exception {
            return output.get(30, TimeUnit.SECONDS).lines().filter(l -> l.startsWith("status ") && l.endsWith(" SYNCED"))
                    .count();
        }
    }

    /** One login through the relay: who, when (ms). */
    private record Login(String user, long at) {
    }

    /**
     * The source host: counts simultaneous connections (accept to close) and logs each login with its time. With
     * {@code holdMs}, the first login of a worker (users named by two letters) waits up to that long for another
     * worker's login, so that two workers not kept apart by a limit certainly overlap.
     */
    private static final class Logins implements AutoCloseable {
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger max = new AtomicInteger();
        final List<Login> log = new CopyOnWriteArrayList<>();
        /** Connections logged in now, per worker; whether one worker logged in while another had one. */
        private final java.util.Map<String, AtomicInteger> loggedIn = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.Map<Relay.Link, String> workerOf = new java.util.concurrent.ConcurrentHashMap<>();
        volatile boolean mixed;
        private final Relay relay;

        Logins(int port, long holdMs) throws IOException {
            relay = Relay.to(port).name("fleet-relay").onOpen(link -> {
                max.accumulateAndGet(open.incrementAndGet(), Math::max);
                link.up((in, up) -> {
                    boolean sasl = false;
                    for (byte[] line; (line = Relay.line(in)) != null;) {
                        String[] w = new String(line, StandardCharsets.ISO_8859_1).trim().split(" ");
                        String verb = w.length > 1 ? w[1].toUpperCase(Locale.ROOT) : "";
                        String user = verb.equals("LOGIN") && w.length > 2 ? w[2].replace("\"", "")
                                : verb.equals("AUTHENTICATE") && w.length > 3 ? HostBackoffTest.Throttling.plainUser(w[3])
                                : sasl ? HostBackoffTest.Throttling.plainUser(w[0]) : "";
                        sasl = verb.equals("AUTHENTICATE") && w.length == 3;
                        if (!user.isEmpty()) {
                            String worker = user.substring(0, Math.min(2, user.length()));
                            boolean first = log.stream().noneMatch(l -> l.user().startsWith(worker));
                            log.add(new Login(user, System.currentTimeMillis()));
                            synchronized (loggedIn) {
                                mixed |= loggedIn.entrySet().stream().anyMatch(e -> !e.getKey().equals(worker)
                                        && e.getValue().get() > 0);
                                loggedIn.computeIfAbsent(worker, k -> new AtomicInteger()).incrementAndGet();
                                workerOf.put(link, worker);
                            }
                            synchronized (log) {
                                log.notifyAll();
                                for (long end = System.currentTimeMillis() + holdMs; first && holdMs > 0
                                        && log.stream().allMatch(l -> l.user().startsWith(worker))
                                        && System.currentTimeMillis() < end;) {
                                    log.wait(Math.max(1, end - System.currentTimeMillis()));
                                }
                            }
                        }
                        up.write(line);
                    }
                });
            }).onClosed(link -> {
                open.decrementAndGet();
                synchronized (loggedIn) {
                    String worker = workerOf.remove(link);
                    if (worker != null) {
                        loggedIn.get(worker).decrementAndGet();
                    }
                }
            }).start();
        }

        int port() {
            return relay.port();
        }

        long users(String prefix) {
            return log.stream().filter(l -> l.user().startsWith(prefix)).count();
        }

        long firstLogin(String prefix) {
            return log.stream().filter(l -> l.user().startsWith(prefix)).mapToLong(Login::at).min().orElse(-1);
        }

        @Override
        public void close() throws IOException {
            relay.close();
        }
    }
}
