package org.mailmigrator.connector.pst.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.cli.Cli;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.connector.pst.PstConnector;
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
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.IntoDovecot;

/**
 * The sample PST files migrated into a real Dovecot on loopback: with the engine, each folder holds what readpst
 * counts and exactly the bytes and flags our reader yields, and a second run copies nothing; with the command line,
 * {@code migrate --source FILE.pst} is recognised from the content, {@code pst:PATH} is forced, and a truncated
 * file is a usage error naming it.
 */
class PstToDovecotTest extends IntoDovecot {
    static final ConnectContext CTX = ConnectContext.of(Secret.of(Dovecot.PASSWORD));

    @TempDir
    Path tmp;

    @Test
    void theSamplesArriveAsReadpstCountsThemAndASecondRunCopiesNothing() throws Exception {
        int n = 0;
        for (String sample : List.of("pstsdk/sample1.pst", "pstsdk/sample2.pst", "pstsdk/submessage.pst")) {
            Path pst = Samples.file(sample);
            String user = "pst" + (n++);
            Map<String, List<String>> oracle = Samples.readpst(pst, tmp.resolve("readpst" + n));
            int expected = oracle.values().stream().mapToInt(List::size).sum();
            Path state = tmp.resolve("state" + n);
            MigrationReport first = migrate(pst, user, state);
            assertEquals(Outcome.COMPLETED, first.outcome(), sample + ": " + first.failure() + " " + first.skipped());
            assertEquals(expected, first.copied(), sample + ": as many messages as readpst writes");
            assertSameOnBothSides(pst, user, oracle);
            MigrationReport second = migrate(pst, user, state);
            assertEquals(0, second.copied(), sample + ": a second run copies nothing");
            assertEquals(0, second.skipped().size(), second.skipped().toString());
        }
    }

    @Test
    void theCommandLineRecognisesAPstFileByItsContentAndRefusesATruncatedOne() throws Exception {
        Path pst = Files.copy(Samples.file("pstsdk/submessage.pst"), tmp.resolve("mail.data")); // no telling extension
        for (int run = 0; run < 2; run++) {
            String[] out = cli("migrate", "--source", pst.toString(), "--target", target("cli-pst"), "--allow-plaintext",
                    "--target-password-file", password().toString(), "--state", tmp.resolve("state").toString());
            assertEquals("0", out[2], out[0] + out[1]);
            assertTrue(out[0].contains("copied           " + (run == 0 ? 1 : 0) + " message(s)"), "run " + (run + 1) + ":\n" + out[0]);
        }
        String[] forced = cli("migrate", "--source", "pst:" + Samples.file("pstsdk/sample2.pst"), "--target", target("cli-forced"),
                "--allow-plaintext", "--target-password-file", password().toString(), "--state", tmp.resolve("state2").toString());
        assertEquals("0", forced[2], forced[0] + forced[1]);
        assertTrue(forced[0].contains("copied           1 message(s)"), forced[0]);

        byte[] whole = Files.readAllBytes(pst);
        Path cut = Files.write(tmp.resolve("cut.pst"), java.util.Arrays.copyOf(whole, 100_000));
        String[] refused = cli("migrate", "--source", cut.toString(), "--target", target("cli-cut"), "--allow-plaintext",
                "--target-password-file", password().toString(), "--state", tmp.resolve("state3").toString());
        assertEquals("2", refused[2], refused[0] + refused[1]);
        assertTrue(refused[1].contains(cut + " is a truncated Outlook data file"), refused[1]);
    }

    private void assertSameOnBothSides(Path pst, String user, Map<String, List<String>> oracle) throws Exception {
        Map<String, List<Samples.Message>> ours;
        Map<String, List<Samples.Message>> stored;
        try (ConnectorSession s = Samples.open(pst); ConnectorSession d = new ImapConnector().open(imap(user), Role.SOURCE, CTX)) {
            ours = Samples.ours(s.capability(MailStore.class).orElseThrow(), new ArrayList<>());
            stored = Samples.ours(d.capability(MailStore.class).orElseThrow(), new ArrayList<>());
        }
        Map<String, Integer> counts = new TreeMap<>();
        oracle.forEach((k, v) -> counts.put(k, v.size()));
        Map<String, Integer> onServer = new TreeMap<>();
        stored.forEach((k, v) -> onServer.put(k, v.size()));
        assertEquals(counts, onServer, pst + ": messages per folder on Dovecot as readpst counts them");
        for (var e : ours.entrySet()) {
            assertEquals(multiset(e.getValue()), multiset(stored.get(e.getKey())), pst + " " + e.getKey() + ": bytes and flags");
        }
    }

    private static List<String> multiset(List<Samples.Message> messages) {
        return messages.stream().map(m -> m.flags() + "\n" + m.text()).sorted().toList();
    }

    private static MigrationReport migrate(Path pst, String user, Path state) throws Exception {
        try (StateStore store = StateStore.openEmbedded(state, "pair")) {
            return new MigrationEngine(() -> new PstConnector().open(Samples.account(pst), Role.SOURCE, CTX),
                    () -> new ImapConnector().open(imap(user), Role.DESTINATION, CTX), store, MigrationSettings.defaults(),
                    new MigrationListener() {
                    }).run();
        }
    }

    private static Account imap(String user) {
        return new Account("imap", Map.of("host", Dovecot.HOST, "port", String.valueOf(dovecot.imapPort()), "security", "plain",
                "login", user), new CredentialRef(user));
    }

    private Path password() throws Exception {
        return password(tmp);
    }

    static String[] cli(String... args) {
        return run(Cli::run, args);
    }
}
