package org.mailmigrator.connector.pop3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.connector.pop3.Pop3Connector;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.DovecotOptions;
import org.mailmigrator.testing.DovecotPop3;
import org.mailmigrator.testing.Relay;
import org.mailmigrator.testing.StepKiller;

/**
 * {@code migrate --source pop3://...} from Dovecot's POP3 server into Dovecot over IMAP: the copy holds the bytes
 * the source server shows over IMAP and the arrival dates of the headers; reruns copy only new UIDLs; a message the
 * server will not send is a listed skip copied on the next run; TLS is verified (STLS and POP3S) and a wrong
 * password stops with the authentication exit code; a connection cut in the middle of a download loses and
 * duplicates nothing, and so does a copying process SIGKILLed again and again; and the source keeps every message
 * (no DELE: Dovecot's own logout lines count the deletions). All share one Dovecot, each test with mailboxes of its
 * own.
 */
class DovecotPop3Test {
    /** The body of each large message: large enough that a cut or a kill falls inside its RETR answer. */
    private static final int BODY = 200_000;
    private static DovecotPop3 server;
    private static String pin;

    @BeforeAll
    static void start() throws Exception {
        server = DovecotPop3.start(DovecotOptions.of(Dovecot.Layout.SLASH));
        pin = server.dovecot().certificateSha256();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String pop3(String user) {
        return "pop3://" + user + "@127.0.0.1:" + server.pop3Port();
    }

    private static String imap(String user) {
        return "imap://" + user + "@127.0.0.1:" + server.dovecot().imapPort();
    }

    private static int imapPort() {
        return server.dovecot().imapPort();
    }

    @Test
    void copiesBytesAndArrivalDatesThenOnlyNewUidlsAndNeverDeletes(@TempDir Path dir) throws Exception {
        ImapView.append(imapPort(), "alice", Pop3Fixture.received("a1"), Pop3Fixture.dated("a2"),
                Pop3Fixture.undated("a3"));
        Instant before = Instant.now().minusSeconds(1);
        Command first = Command.migrate(dir, pop3("alice"), imap("alice-copy"), Pop3Fixture.PASSWORD,
                "--trust-sha256", pin);
        Instant after = Instant.now().plusSeconds(1);
        assertEquals(0, first.code(), first.toString());
        assertEquals(3, first.copied(), first.toString());
        List<ImapView.Stored> source = ImapView.inbox(imapPort(), "alice");
        List<ImapView.Stored> copy = ImapView.inbox(imapPort(), "alice-copy");
        assertEquals(ImapView.digests(source), ImapView.digests(copy), "the copy holds the source's bytes");
        Map<String, ImapView.Stored> byId = copy.stream().collect(Collectors.toMap(ImapView.Stored::messageId,
                Function.identity()));
        assertEquals(Pop3Fixture.RECEIVED, byId.get("a1@pop3.test").internalDate(), "the top Received: is the arrival");
        assertEquals(Pop3Fixture.WRITTEN, byId.get("a2@pop3.test").internalDate(), "no Received: the Date: header");
        Instant copied = byId.get("a3@pop3.test").internalDate();
        assertTrue(!copied.isBefore(before) && !copied.isAfter(after), "neither: the time of the copy, got " + copied);
        assertTrue(copy.stream().noneMatch(m -> m.flags().contains(jakarta.mail.Flags.Flag.SEEN)),
                "POP3 has no flags: copies arrive unread");

        Command again = Command.migrate(dir, pop3("alice"), imap("alice-copy"), Pop3Fixture.PASSWORD,
                "--trust-sha256", pin);
        assertEquals(0, again.code(), again.toString());
        assertEquals(0, again.copied(), "nothing new: " + again);

        ImapView.append(imapPort(), "alice", Pop3Fixture.received("a4"), Pop3Fixture.undated("a5"));
        Command more = Command.migrate(dir, pop3("alice"), imap("alice-copy"), Pop3Fixture.PASSWORD,
                "--trust-sha256", pin);
        assertEquals(0, more.code(), more.toString());
        assertEquals(2, more.copied(), "only the two new UIDLs: " + more);
        List<ImapView.Stored> sourceNow = ImapView.inbox(imapPort(), "alice");
        assertEquals(5, sourceNow.size(), "the source still holds every message");
        assertEquals(ImapView.digests(sourceNow), ImapView.digests(ImapView.inbox(imapPort(), "alice-copy")));
        assertNoDele("alice");
        for (Command c : List.of(first, again, more)) {
            assertFalse(c.toString().contains(Pop3Fixture.PASSWORD), "no password printed: " + c);
        }
    }

    @Test
    void implicitTlsWithThePinnedCertificate(@TempDir Path dir) throws Exception {
        ImapView.append(imapPort(), "tls", Pop3Fixture.received("t1"), Pop3Fixture.dated("t2"));
        String source = "pop3s://tls@127.0.0.1:" + server.pop3sPort();
        Command refused = Command.migrate(dir, source, imap("tls-copy"), Pop3Fixture.PASSWORD);
        assertEquals(5, refused.code(), "a self-signed certificate is refused by default: " + refused);
        assertTrue(refused.err().contains("not trusted") && refused.err().contains("--trust-sha256 " + pin),
                refused.toString());
        Command ok = Command.migrate(dir, source, imap("tls-copy"), Pop3Fixture.PASSWORD, "--trust-sha256", pin);
        assertEquals(0, ok.code(), ok.toString());
        assertEquals(ImapView.digests(ImapView.inbox(imapPort(), "tls")),
                ImapView.digests(ImapView.inbox(imapPort(), "tls-copy")));
        assertNoDele("tls");
    }

    @Test
    void connectorsAndThePreflightSayPlainlyThatPopHasNoFoldersAndNoFlags() throws Exception {
        Command list = Command.run("connectors");
        assertEquals(0, list.code(), list.toString());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("pop3 ") && l.contains("INBOX only, no flags")
                && l.contains("source") && !l.contains("destination")), list.out());
        ImapView.append(imapPort(), "pre", Pop3Fixture.dated("p1"));
        Account account = new Account("pop3", Map.of("host", "127.0.0.1", "port", String.valueOf(server.pop3Port()),
                "security", "starttls", "login", "pre", "trustSha256", pin), null);
        try (ConnectorSession session = new Pop3Connector().open(account, Role.SOURCE,
                ConnectContext.of(Secret.of(Pop3Fixture.PASSWORD)))) {
            MailStore store = session.capability(MailStore.class).orElseThrow();
            assertEquals(List.of("INBOX"), store.folders().stream().map(f -> f.name()).toList());
            List<String> caps = store.capabilities();
            assertTrue(caps.stream().anyMatch(c -> c.startsWith("UIDL")), "the server's CAPA: " + caps);
            assertTrue(caps.stream().anyMatch(c -> c.contains("no folders") && c.contains("no flags")), caps.toString());
            assertEquals(1, store.status("INBOX").orElseThrow().messages());
            assertTrue(store.status("Sent").isEmpty(), "POP3 has no other folder");
        }
    }

    @Test
    void aNativeCsvRowWithAPop3SourceIsCheckedAndRunAsABatch(@TempDir Path dir) throws Exception {
        ImapView.append(imapPort(), "row", Pop3Fixture.received("r1"), Pop3Fixture.undated("r2"));
        Path csv = Files.writeString(dir.resolve("pop3.csv"), "source.connector,source.host,source.port,source.security,"
                + "source.login,source.password,source.trustSha256,destination.host,destination.port,"
                + "destination.security,destination.login,destination.password,destination.trustSha256\n"
                + "pop3,127.0.0.1," + server.pop3Port() + ",starttls,row," + Pop3Fixture.PASSWORD + "," + pin
                + ",127.0.0.1," + imapPort() + ",starttls,row-copy," + Pop3Fixture.PASSWORD + "," + pin + "\n");
        Command check = Command.run("batch", "run", csv.toString(), "--workspace", dir.resolve("ws").toString(),
                "--preflight-only", "--report", dir.resolve("pre").toString());
        assertEquals(0, check.code(), check.toString());
        String preflight = Files.readString(dir.resolve("pre/preflight.txt"));
        assertTrue(preflight.contains("source capabilities: ") && preflight.contains("UIDL")
                && preflight.contains("POP3: no folders, only INBOX is read; no flags"), preflight);
        Command run = Command.run("batch", "run", csv.toString(), "--workspace", dir.resolve("ws").toString());
        assertEquals(0, run.code(), run.toString());
        assertEquals(ImapView.digests(ImapView.inbox(imapPort(), "row")),
                ImapView.digests(ImapView.inbox(imapPort(), "row-copy")));
        assertFalse(run.toString().contains(Pop3Fixture.PASSWORD), run.toString());
    }

    @Test
    void wrongPasswordStopsWithTheAuthenticationExitCode(@TempDir Path dir) throws Exception {
        Command run = Command.migrate(dir, pop3("nobody"), imap("nobody-copy"), "not-the-password",
                "--trust-sha256", pin);
        assertEquals(4, run.code(), run.toString());
        assertTrue(run.err().contains("login refused for nobody@127.0.0.1:" + server.pop3Port()), run.toString());
        assertFalse(run.toString().contains("not-the-password"), run.toString());
    }

    @Test
    void aMessageTheServerWillNotSendIsAListedSkipCopiedOnTheNextRun(@TempDir Path dir) throws Exception {
        ImapView.append(imapPort(), "skip", Pop3Fixture.received("s1"), Pop3Fixture.dated("s2"),
                Pop3Fixture.undated("s3"));
        ImapView.select(imapPort(), "skip"); // Dovecot moves new/ to cur/ now, not while the test changes a file
        String name = messageFile("skip", "s2@pop3.test");
        chmod("skip", name, Set.of()); // the server can no longer read it
        Command cut;
        try {
            cut = Command.migrate(dir, pop3("skip"), imap("skip-copy"), Pop3Fixture.PASSWORD, "--trust-sha256", pin);
        } finally {
            chmod("skip", name, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
        assertEquals(6, cut.code(), "items skipped: " + cut);
        assertEquals(2, cut.copied(), cut.toString());
        assertTrue(cut.toString().contains("tried again on the next run"), "the skip is listed with its reason: " + cut);
        Command next = Command.migrate(dir, pop3("skip"), imap("skip-copy"), Pop3Fixture.PASSWORD, "--trust-sha256", pin);
        assertEquals(0, next.code(), next.toString());
        assertEquals(1, next.copied(), next.toString());
        assertEquals(ImapView.digests(ImapView.inbox(imapPort(), "skip")),
                ImapView.digests(ImapView.inbox(imapPort(), "skip-copy")));
        assertNoDele("skip");
    }

    /**
     * A POP3 connection dropped in the middle of a download (issue 17: "a dropped connection mid-download"): Dovecot's
     * POP3 server behind a relay that cuts the first connection after it carried part of the second of three large
     * messages. Whatever the run does with the cut — download again on a new connection, or list the message as a
     * skip tried again — no message is lost, none is stored twice, and the copy holds the source's bytes; the run
     * after that copies nothing. The source keeps every message.
     */
    @Test
    void aConnectionCutInTheMiddleOfADownloadLosesAndDuplicatesNothing(@TempDir Path dir) throws Exception {
        int imap = imapPort();
        ImapView.append(imap, "cut", Pop3Fixture.big("c1", BODY), Pop3Fixture.big("c2", BODY),
                Pop3Fixture.big("c3", BODY));
        AtomicBoolean cut = new AtomicBoolean();
        // the first connection to carry one and a half messages (the one downloading) is cut there, once
        long cutAt = BODY * 3 / 2;
        try (Relay relay = Relay.to(server.pop3Port()).name("pop3-cut")
                .onOpen(link -> link.down((in, out) -> {
                    byte[] buf = new byte[16384];
                    long carried = 0;
                    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                        if (carried + n >= cutAt && cut.compareAndSet(false, true)) {
                            out.write(buf, 0, (int) (cutAt - carried));
                            return; // this direction ends: the relay closes both sockets
                        }
                        out.write(buf, 0, n);
                        carried += n;
                    }
                })).start()) {
            String source = "pop3://cut@127.0.0.1:" + relay.port();
            String target = "imap://cut-copy@127.0.0.1:" + imap;
            Command first = Command.migrate(dir, source, target, Pop3Fixture.PASSWORD, "--trust-sha256", pin);
            System.out.println("DovecotPop3Test, the run with the cut: " + first); // which way it took, in the test's output
            assertTrue(cut.get(), "the relay cut the first connection in the middle of a download: " + first);
            assertTrue(first.code() == 0 || first.code() == 6, "done, or items skipped and listed: " + first);
            List<String> sourceDigests = ImapView.digests(ImapView.inbox(imap, "cut"));
            List<String> afterFirst = ImapView.digests(ImapView.inbox(imap, "cut-copy"));
            assertTrue(sourceDigests.containsAll(afterFirst) && afterFirst.stream().distinct().count() == afterFirst.size(),
                    "only whole source messages, each once, after the cut run: " + afterFirst.size() + " stored\n" + first);
            if (first.code() == 6) {
                assertTrue(first.toString().contains("tried again on the next run"), "the skip is listed: " + first);
            } else {
                assertEquals(3, first.copied(), "a run that ends 0 copied every message: " + first);
                assertEquals(0, first.present(), "what the run copied before the cut is not also 'already present': "
                        + first);
            }

            Command second = Command.migrate(dir, source, target, Pop3Fixture.PASSWORD, "--trust-sha256", pin);
            assertEquals(0, second.code(), second.toString());
            assertEquals(3 - afterFirst.size(), second.copied(), "the second run copies what the first did not: " + second);
            assertEquals(sourceDigests, ImapView.digests(ImapView.inbox(imap, "cut-copy")),
                    "0 lost, 0 duplicated, byte for byte");
            Command third = Command.migrate(dir, source, target, Pop3Fixture.PASSWORD, "--trust-sha256", pin);
            assertEquals(0, third.code(), third.toString());
            assertEquals(0, third.copied(), third.toString());
            assertEquals(3, ImapView.inbox(imap, "cut").size(), "the source keeps every message");
            for (Command c : List.of(first, second, third)) {
                assertFalse(c.toString().contains(Pop3Fixture.PASSWORD), "no password printed: " + c);
            }
        }
    }

    /**
     * Kill and resume (issue 17): a child JVM copying a maildrop of twelve messages (two large ones, one delivered
     * twice, one without Message-ID) from Dovecot's POP3 into Dovecot over IMAP is SIGKILLed in the middle of the RETR
     * answer of each large message, then right after each engine step in turn (journal written, appended, recorded)
     * until a run ends by itself. Then the copy holds every source message exactly once by content (the one delivered
     * twice twice, as the maildrop holds it), a last run copies nothing and lists no skip, and no session deleted.
     */
    @Test
    void aChildKilledMidDownloadAndAfterEachStepLosesAndDuplicatesNothing(@TempDir Path dir) throws Exception {
        byte[] twice = Pop3Fixture.dated("k8");
        ImapView.append(imapPort(), "kill", Pop3Fixture.received("k1"), Pop3Fixture.big("k2", BODY),
                Pop3Fixture.dated("k3"), Pop3Fixture.undated("k4"), Pop3Fixture.withoutId("k5"),
                Pop3Fixture.big("k6", BODY), Pop3Fixture.received("k7"), twice, twice, Pop3Fixture.undated("k10"),
                Pop3Fixture.received("k11"), Pop3Fixture.dated("k12"));
        Pop3Kills kills = new Pop3Kills(server, "kill", dir.resolve("state"), Files.createDirectories(dir.resolve("jvm")));
        kills.killInRetr(2, BODY / 2); // POP3 numbers follow the maildrop's order: k2 half downloaded
        kills.killInRetr(6, BODY / 2); // k2 downloaded again, then k6 half
        StepKiller.Result runs = StepKiller.killAtEachStep(() -> kills.child(server.pop3Port()));
        assertTrue(runs.finalOutput().contains("finished COMPLETED"), "the last child ends with no skip: "
                + runs.finalOutput());
        assertTrue(runs.kills() >= 3, "killed after several steps: " + runs.kills());
        System.out.println("DovecotPop3Test kill and resume: 2 kills inside RETR, " + runs.kills() + " after steps");
        MigrationReport last = kills.resume();
        assertEquals(Outcome.COMPLETED, last.outcome(), last.failure());
        assertEquals(0, last.copied(), last.toString());
        assertEquals(List.of(), last.skipped(), "no skip listed");
        List<String> source = ImapView.digests(ImapView.inbox(imapPort(), "kill"));
        assertEquals(12, source.size(), "the source keeps every message");
        assertEquals(source, ImapView.digests(ImapView.inbox(imapPort(), "kill-copy")),
                "every message once by content: 0 lost, 0 duplicated");
        assertNoDele("kill");
    }

    /** The Maildir base name (before any {@code :2,} flags) of the message with this Message-ID in the user's INBOX. */
    private static String messageFile(String user, String messageId) throws Exception {
        for (Path f : maildir(user)) {
            if (Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).contains("<" + messageId + ">")) {
                return f.getFileName().toString().split(":")[0];
            }
        }
        throw new AssertionError("no file of " + messageId + " in the INBOX of " + user);
    }

    /** Sets the mode of the message file {@code name}, wherever Dovecot keeps it now (it may add flags to its name). */
    private static void chmod(String user, String name, Set<PosixFilePermission> mode) throws Exception {
        for (Path f : maildir(user)) {
            if (f.getFileName().toString().split(":")[0].equals(name)) {
                Files.setPosixFilePermissions(f, mode);
                return;
            }
        }
        throw new AssertionError("no file " + name + " in the INBOX of " + user);
    }

    private static List<Path> maildir(String user) throws Exception {
        Path inbox = server.dovecot().directory().resolve("home/" + user + "/Maildir/INBOX");
        try (Stream<Path> files = Files.walk(inbox)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getParent().getFileName().toString().matches("cur|new")).toList();
        }
    }

    /**
     * Dovecot's POP3 logout line says how many messages the session deleted ({@code del=N/M}, pop3_logout_format);
     * every session of this user must say {@code del=0}.
     */
    private static void assertNoDele(String user) throws InterruptedException {
        List<String> logouts = List.of();
        // the log process writes the line after the session ended: wait for it (no upper bound on its count)
        for (int i = 0; i < 300 && logouts.isEmpty(); i++) {
            logouts = server.dovecot().log().lines().filter(l -> l.contains("pop3(" + user + ")"))
                    .filter(l -> l.contains("del=")).toList();
            if (logouts.isEmpty()) {
                Thread.sleep(50);
            }
        }
        assertFalse(logouts.isEmpty(), "Dovecot logged no POP3 logout for " + user + ":\n" + server.dovecot().log());
        assertTrue(logouts.stream().allMatch(l -> l.contains("del=0/")), "a POP3 session deleted messages: " + logouts);
    }
}
