package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.mail.Fetched;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.ChildJvm;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.SharedDovecot;
import org.mailmigrator.testing.StepKiller;
import org.mailmigrator.testing.connectors.ChildCopy;
import org.mailmigrator.testing.connectors.EmlDirectoryConnector;

/**
 * A source whose message ids are file names (the test-only {@code test.eml} connector) copied to a real Dovecot
 * by a child JVM that is SIGKILLed again and again, each time one step later in its own run (right after
 * "journal written", "appended", "recorded"... in turn), until a run ends by itself. Then the destination holds
 * exactly the files, message by message (duplicates and messages without Message-ID included), and a last run
 * copies nothing.
 */
@ExtendWith(SharedDovecot.class)
class EmlSigkillTest {
    /** The child's class path: the engine, IMAP, the test connector and its child main ({@link ChildCopy}). */
    static final List<String> CHILD_BUNDLES = List.of("org.mailmigrator.core", "org.mailmigrator.connector.imap",
            "org.mailmigrator.connector.imap.tests", "org.mailmigrator.testing.connectors", "jakarta.mail-api",
            "org.eclipse.angus.mail", "angus-activation", "jakarta.activation-api", "com.h2database");
    private static final String[] FOLDERS = { "INBOX", "Archive" };

    @Test
    void killedAtEveryStepThenResumedEndsExact(Dovecot dovecot,
            @TempDir Path files, @TempDir Path state, @TempDir Path tmp)
            throws Exception {
        int total = 0;
        for (String folder : FOLDERS) {
            Path dir = Files.createDirectories(files.resolve(folder));
            for (int i = 0; i < 7; i++) {
                String id = i == 5 ? "" : "Message-ID: <" + folder + "-" + i + "@eml.test>\r\n";
                String body = i == 6 ? "same body as message 4\r\n" : "message " + i + " of " + folder + "\r\n";
                String header = "From: someone@eml.test\r\nSubject: " + (i == 6 ? "number 4" : "number " + i) + "\r\n"
                        + (i == 6 ? "Message-ID: <" + folder + "-4@eml.test>\r\n" : id) + "\r\n";
                // names with no numeric order; message 6 is an exact duplicate of message 4
                Files.writeString(dir.resolve(Integer.toHexString(0xbeef * (i + 3)) + "-" + folder.toLowerCase() + ".eml"),
                        i == 6 ? Files.readString(dir.resolve(Integer.toHexString(0xbeef * 7) + "-" + folder.toLowerCase() + ".eml"))
                                : header + body);
                total++;
            }
        }
        StepKiller.Result runs = StepKiller.killAtEachStep(() -> ChildJvm.command(CHILD_BUNDLES,
                ChildCopy.class, List.of("-Xmx128m", "-Djava.io.tmpdir=" + tmp), List.of(ChildCopy.EmlDirectory.class.getName(), files.toString(),
                        Dovecot.HOST, String.valueOf(dovecot.imapPort()), "eml-dst", state.toString(), Dovecot.PASSWORD, "20")));
        assertTrue(runs.finalOutput().contains("finished COMPLETED"), runs.finalOutput());
        int kills = runs.kills();
        assertTrue(kills >= 5, "killed at several steps: " + kills);
        ConnectContext ctx = ConnectContext.of(Secret.of(Dovecot.PASSWORD));
        try (StateStore st = StateStore.openEmbedded(state, "pair")) {
            MigrationReport again = new MigrationEngine(
                    () -> new EmlDirectoryConnector().open(ChildCopy.EmlDirectory.account(files), Role.SOURCE, ctx),
                    Pair.factory(Pair.account(dovecot, "eml-dst", "plain", Map.of()), Role.DESTINATION,
                            Dovecot.PASSWORD), st, Pair.fast(), MigrationListener.NONE).run();
            assertEquals(Outcome.COMPLETED, again.outcome(), again.failure());
            assertEquals(0, again.copied(), again.toString());
            assertEquals(total, again.alreadyPresent());
        }
        for (String folder : FOLDERS) {
            assertEquals(filesOf(files.resolve(folder)), imapOf(dovecot, folder), "0 lost, 0 duplicated in " + folder);
        }
    }

    private static List<String> filesOf(Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        try (var s = Files.list(dir)) {
            for (Path f : s.toList()) {
                out.add(Files.readString(f, StandardCharsets.ISO_8859_1));
            }
        }
        return out.stream().sorted().toList();
    }

    private static List<String> imapOf(Dovecot dovecot, String folder) throws Exception {
        List<String> out = new ArrayList<>();
        try (ConnectorSession s = new ImapConnector().open(Pair.account(dovecot, "eml-dst", "plain", Map.of()),
                Role.SOURCE, ConnectContext.of(Secret.of(Dovecot.PASSWORD)));
                Mailbox box = s.capability(MailStore.class).orElseThrow().open(folder, false)) {
            List<MessageInfo> all = box.details(box.list(null).stream().map(MessageInfo::id).toList());
            box.read(all, group -> {
                for (Fetched f : group) {
                    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                    try {
                        f.body().writeTo(bytes);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                    out.add(bytes.toString(StandardCharsets.ISO_8859_1));
                }
            });
        }
        return out.stream().sorted().toList();
    }
}
