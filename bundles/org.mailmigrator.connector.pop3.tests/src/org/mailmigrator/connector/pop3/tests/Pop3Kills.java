package org.mailmigrator.connector.pop3.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.ChildJvm;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.DovecotPop3;
import org.mailmigrator.testing.Relay;
import org.mailmigrator.testing.connectors.ChildCopy;

/**
 * The runs of a POP3 kill-and-resume test: {@link ChildCopy} copying the maildrop of {@code user} from Dovecot's
 * POP3 ({@link Pop3ChildSource}) into {@code user-copy} on the same Dovecot over IMAP, in a plain JVM the test
 * SIGKILLs, all runs on one state directory (pair "pair"); and the run in the test's own JVM that checks the end.
 *
 * @param tmp the children's temporary folder
 */
record Pop3Kills(DovecotPop3 server, String user, Path state, Path tmp) {
    /** A child run reading POP3 on {@code pop3Port} (the server's, or a relay's). */
    ProcessBuilder child(int pop3Port) {
        return ChildJvm.command(Pop3ChildSource.CHILD_BUNDLES, ChildCopy.class,
                List.of("-Xmx128m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + tmp),
                List.of(Pop3ChildSource.class.getName(), pop3Port + ":" + user, Dovecot.HOST,
                        String.valueOf(server.dovecot().imapPort()), user + "-copy", state.toString(), Dovecot.PASSWORD,
                        "20"));
    }

    /**
     * Runs a child through a relay that SIGKILLs it once {@code part} bytes of the server's answer to {@code RETR
     * number} passed (the relay reads the client's commands, counts the answer's bytes, and passes no byte more):
     * the child dies in the middle of that download. Fails unless the child was killed there.
     */
    void killInRetr(int number, long part) throws IOException, InterruptedException {
        CompletableFuture<Process> running = new CompletableFuture<>();
        AtomicBoolean killed = new AtomicBoolean();
        try (Relay relay = Relay.to(server.pop3Port()).name("pop3-kill").onOpen(link -> {
            AtomicLong down = new AtomicLong(); // the bytes the server sent on this connection so far
            AtomicLong retr = new AtomicLong(-1); // where the answer to RETR number starts
            link.up((in, out) -> {
                for (byte[] line = Relay.line(in); line != null; line = Relay.line(in)) {
                    if (new String(line, StandardCharsets.US_ASCII).trim().equalsIgnoreCase("RETR " + number)) {
                        retr.set(down.get()); // the client waits for each answer: the previous one has passed
                    }
                    out.write(line);
                }
            });
            link.down(Relay.copy((b, len, before) -> {
                long from = retr.get();
                if (from >= 0 && before + len - from >= part && killed.compareAndSet(false, true)) {
                    Process child = running.join();
                    child.destroyForcibly(); // SIGKILL, before this chunk passes
                    child.waitFor(60, TimeUnit.SECONDS);
                    throw new IOException("the child was killed"); // the relay closes the connection
                }
                down.set(before + len);
            }));
        }).start()) {
            Process child = child(relay.port()).redirectErrorStream(true).start();
            running.complete(child);
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new AssertionError("the child did not end within 60 s:\n" + output);
            }
            assertTrue(killed.get() && child.exitValue() == 137, "the child was to be SIGKILLed in the middle of RETR "
                    + number + "; it ended with " + child.exitValue() + ":\n" + output);
        }
    }

    /** One more run in this JVM, on the children's state: what it copies and skips shows what they left undone. */
    MigrationReport resume() throws Exception {
        ConnectContext ctx = ConnectContext.of(Secret.of(Dovecot.PASSWORD));
        Account copy = new Account("imap", Map.of("host", Dovecot.HOST, "port", String.valueOf(server.dovecot().imapPort()),
                "security", "plain", "login", user + "-copy"), new CredentialRef(user + "-copy"));
        try (StateStore st = StateStore.openEmbedded(state, "pair")) {
            return new MigrationEngine(() -> new Pop3ChildSource().open(server.pop3Port() + ":" + user, ctx),
                    () -> new ImapConnector().open(copy, Role.DESTINATION, ctx), st, MigrationSettings.defaults(),
                    MigrationListener.NONE).run();
        }
    }
}
