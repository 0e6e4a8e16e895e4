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
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.connector.pop3.Pop3Connector;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.DovecotOptions;
import org.mailmigrator.testing.DovecotPop3;

/**
 * {@code migrate --source pop3://...} from Dovecot's POP3 server into Dovecot over IMAP: the copy holds the bytes
 * the source server shows over IMAP and the arrival dates of the headers; reruns copy only new UIDLs; a message the
 * server will not send is a listed skip copied on the next run; TLS is verified (STLS and POP3S) and a wrong
 * password stops with the authentication exit code; and the source keeps every message (no DELE: Dovecot's own
 * logout lines count the deletions).
 */
class DovecotPop3Test {
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
