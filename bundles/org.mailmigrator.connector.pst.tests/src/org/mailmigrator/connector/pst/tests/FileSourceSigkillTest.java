package org.mailmigrator.connector.pst.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.ChildJvm;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.StepKiller;
import org.mailmigrator.testing.connectors.ChildCopy;

/**
 * File sources copied to a real Dovecot by a child JVM that is SIGKILLed again and again, each time one step later
 * in its own run, until a run ends by itself: a Thunderbird mbox tree (content ids; an exact duplicate and a
 * message without Message-ID among them) and a PST (node ids). Then each destination folder holds exactly what the
 * reader yields (0 lost, 0 duplicated) and a last run copies nothing.
 */
class FileSourceSigkillTest {
    static final ConnectContext CTX = ConnectContext.of(Secret.of(Dovecot.PASSWORD));

    @Test
    void anMboxTreeAndAPstKilledAtEveryStepEndExact(@TempDir Path tmp) throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("Local Folders"));
        StringBuilder inbox = new StringBuilder();
        StringBuilder archive = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            inbox.append(message("Inbox", i, i == 3));
            archive.append(i == 4 ? message("Archive", 2, false) : message("Archive", i, false)); // 4 duplicates 2
        }
        Files.writeString(tree.resolve("Inbox"), inbox);
        Files.writeString(tree.resolve("Archive"), archive);
        try (Dovecot dovecot = Dovecot.start(Dovecot.Layout.SLASH)) {
            killAndResume(dovecot, "files", tree, "mbox-dst", tmp.resolve("state-mbox"), tmp.resolve("jvm"), 10, 5);
            killAndResume(dovecot, "pst", Samples.file("pstsdk/submessage.pst"), "pst-dst", tmp.resolve("state-pst"),
                    tmp.resolve("jvm"), 1, 2); // one message: journal written, appended
        }
    }

    private static String message(String folder, int i, boolean noId) {
        return "From MAILER-DAEMON Mon Jan  2 15:04:05 2006\nFrom: someone@mbox.test\nSubject: number " + i + " of " + folder
                + "\n" + (noId ? "" : "Message-ID: <" + folder + "-" + i + "@mbox.test>\n") + "\nmessage " + i + "\n\n";
    }

    private static void killAndResume(Dovecot dovecot, String connector, Path source, String user, Path state, Path jvmTmp,
            int total, int minKills) throws Exception {
        Files.createDirectories(jvmTmp);
        StepKiller.Result runs = StepKiller.killAtEachStep(() -> ChildJvm.command(FileSources.CHILD_BUNDLES, ChildCopy.class,
                List.of("-Xmx128m", "-Djava.io.tmpdir=" + jvmTmp), List.of(FileSources.class.getName(), connector + ":" + source, Dovecot.HOST,
                        String.valueOf(dovecot.imapPort()), user, state.toString(), Dovecot.PASSWORD, "20")));
        assertTrue(runs.finalOutput().contains("finished COMPLETED"), runs.finalOutput());
        int kills = runs.kills();
        assertTrue(kills >= minKills, connector + ": killed at several steps: " + kills);
        Account dst = new Account("imap", Map.of("host", Dovecot.HOST, "port", String.valueOf(dovecot.imapPort()),
                "security", "plain", "login", user), new CredentialRef(user));
        try (StateStore st = StateStore.openEmbedded(state, "pair")) {
            MigrationReport again = new MigrationEngine(
                    () -> FileSources.open(connector, source, CTX),
                    () -> new ImapConnector().open(dst, Role.DESTINATION, CTX), st, MigrationSettings.defaults(),
                    MigrationListener.NONE).run();
            assertEquals(Outcome.COMPLETED, again.outcome(), again.failure());
            assertEquals(0, again.copied(), again.toString());
        }
        int count = 0;
        try (ConnectorSession s = FileSources.open(connector, source, CTX);
                ConnectorSession d = new ImapConnector().open(dst, Role.SOURCE, CTX)) {
            var ours = Samples.ours(s.capability(MailStore.class).orElseThrow(), new ArrayList<>());
            var theirs = Samples.ours(d.capability(MailStore.class).orElseThrow(), new ArrayList<>());
            assertEquals(ours.keySet(), theirs.keySet(), connector + ": folders");
            for (var e : ours.entrySet()) {
                assertEquals(texts(e.getValue()), texts(theirs.get(e.getKey())), connector + " " + e.getKey() + ": 0 lost, 0 duplicated");
                count += e.getValue().size();
            }
        }
        assertEquals(total, count, connector + ": every message once");
    }

    private static List<String> texts(List<Samples.Message> messages) {
        return messages.stream().map(Samples.Message::text).sorted().toList();
    }
}
