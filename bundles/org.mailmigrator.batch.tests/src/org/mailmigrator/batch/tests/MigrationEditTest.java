package org.mailmigrator.batch.tests;

import org.eclipse.core.runtime.RegistryFactory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.internal.Sealing;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.csv.ImportOptions;
import org.mailmigrator.batch.jobs.BatchManager;
import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.batch.jobs.MigrationProbe;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.batch.jobs.Selection;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.engine.FolderPlan;
import org.mailmigrator.core.engine.SkippedItem;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.MessageLimits;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Dovecot;

/**
 * What the migration editor relies on: an edited migration (accounts, kinds, limits, schedule, folder map,
 * a new password) is stored and read back after reopening, the password only sealed; the engine honours the
 * date and size limits against Dovecot; the manager does not start a row before its own schedule; the probe
 * gives the engine's folder plan and a pre-flight that names a refused login.
 */
class MigrationEditTest {
    private static final Instant Y2020 = Instant.parse("2020-03-01T10:00:00Z");
    private static final Instant Y2022 = Instant.parse("2022-06-01T10:00:00Z");
    private static final Instant Y2025 = Instant.parse("2025-02-01T10:00:00Z");

    @Test
    void editedMigrationIsStoredLimitsAndScheduleAreHonoured(@TempDir Path dir) throws Exception {
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH)) {
            append(d, "e0", "old", Y2020, 500);
            append(d, "e0", "inside", Y2022, 500);
            append(d, "e0", "inside but big", Y2022, 6000);
            append(d, "e0", "new", Y2025, 500);
            Mailboxes.fill(d, "e1", 3, 7, 0);
            String server = "127.0.0.1:" + d.imapPort();
            String csv = server + ";e0;" + Dovecot.PASSWORD + ";imap.wrong.example;ed0;old-password;;\n"
                    + server + ";e1;" + Dovecot.PASSWORD + ";" + server + ";ed1;" + Dovecot.PASSWORD + ";;\n";
            var registry = new ConnectorRegistry(RegistryFactory.getRegistry());
            var imported = Platform.importer(registry).read(csv.getBytes(StandardCharsets.UTF_8), ImportOptions.auto());
            Workspace ws = new Workspace(dir);
            SecretVault vault = SecretVault.open(ws.defaultSecretsKey(), true);
            RunSettings settings = RunSettings.defaults().withAllowPlaintext(true);
            Migration edited;
            Migration scheduled;
            Instant later = Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);  // the store keeps ms
            try (BatchStore store = BatchStore.open(ws.batchesDir(), false)) {
                BatchSpec spec = new Sealing(store, vault).store("edit", imported, false, 2, 10, Optional.empty(), Optional.empty());
                Migration m0 = spec.migrations().get(0);
                Map<String, String> dst = new HashMap<>(m0.destination().settings());
                dst.put("host", "127.0.0.1");
                dst.put("port", String.valueOf(d.imapPort()));
                MessageLimits limits = new MessageLimits(Optional.of(Instant.parse("2021-01-01T00:00:00Z")),
                        Optional.of(Instant.parse("2024-01-01T00:00:00Z")), Optional.of(3000L));
                edited = new Migration(m0.id(), m0.source(), new Account("imap", dst, m0.destination().credential()),
                        new MigrationOptions(Set.of(ItemKind.MAIL, ItemKind.CONTACTS), List.of("^INBOX$"), List.of("Junk"),
                                Map.of("INBOX/Old", "Archive/Old"), false, limits, Optional.empty())
                                .withGmail(new org.mailmigrator.core.model.GmailOptions(true, false, true)));
                new Sealing(store, vault).update("edit", edited, Optional.empty(), Optional.of(Secret.of("Fresh-" + Dovecot.PASSWORD)));
                Migration m1 = spec.migrations().get(1);
                scheduled = new Migration(m1.id(), m1.source(), m1.destination(), new MigrationOptions(m1.options().kinds(),
                        m1.options().includeFolders(), m1.options().excludeFolders(), m1.options().folderMap(), false,
                        MessageLimits.NONE, Optional.of(later)));
                new Sealing(store, vault).update("edit", scheduled, Optional.empty(), Optional.empty());
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(Files.readString(f, StandardCharsets.ISO_8859_1).contains("Fresh-"), "a password in clear in " + f);
                }
            }
            try (BatchStore store = BatchStore.open(ws.batchesDir(), false);
                    BatchManager m = new BatchManager(ws, store, vault, ConnectorFactory.of(registry))) {
                BatchSpec again = store.batch("edit").orElseThrow();
                assertEquals(List.of(edited, scheduled), again.migrations(), "read back after reopening, field by field");
                var creds = new Sealing(store, vault).credentials(again.migrations().get(0));
                assertEquals(Secret.of("Fresh-" + Dovecot.PASSWORD), creds.destination(), "the new password, sealed");
                assertEquals(Secret.of(Dovecot.PASSWORD), creds.source(), "an empty password keeps the stored one");

                // the wrong destination password shows in the pre-flight of the edited row, before any run
                var probe = new MigrationProbe(store, vault, ConnectorFactory.of(registry), settings);
                var pre = probe.preflight(edited, Optional.empty(), Optional.empty());
                assertFalse(pre.ready());
                assertTrue(pre.fixes().get(0).startsWith("destination: login refused"), pre.fixes().toString());
                assertTrue(probe.preflight(edited, Optional.empty(), Optional.of(Secret.of(Dovecot.PASSWORD))).ready());
                new Sealing(store, vault).update("edit", edited, Optional.empty(), Optional.of(Secret.of(Dovecot.PASSWORD)));
                List<FolderPlan> plan = probe.folderPlan(edited, Optional.empty(), Optional.empty());
                assertEquals(List.of("INBOX"), plan.stream().map(FolderPlan::source).toList(), "the include filter applies");

                Instant notBefore = Instant.now().plusSeconds(3);
                Migration soon = new Migration(scheduled.id(), scheduled.source(), scheduled.destination(),
                        new MigrationOptions(Set.of(ItemKind.MAIL), List.of(), List.of(), Map.of(), false,
                                MessageLimits.NONE, Optional.of(notBefore)));
                new Sealing(store, vault).update("edit", soon, Optional.empty(), Optional.empty());
                assertEquals(2, m.start("edit", Selection.PENDING, List.of(), settings));
                Thread.sleep(1500);
                assertEquals(MigrationStatus.QUEUED, store.states("edit").get(1).status(), "not started before its time");
                assertEquals(0, Mailboxes.count(d, "ed1"));
                assertTrue(m.join("edit", Duration.ofSeconds(60)));
                MigrationState s0 = store.states("edit").get(0);
                assertEquals(MigrationStatus.SYNCED_WITH_ERRORS, s0.status(), s0.toString());
                assertEquals(1, s0.copied(), "only the small message inside the dates");
                assertEquals(1, Mailboxes.count(d, "ed0"));
                List<SkippedItem> skipped = store.skipped("edit", edited.id());
                assertEquals(1, skipped.size(), "messages outside the dates are not reported, the big one is: " + skipped);
                assertTrue(skipped.get(0).subject().contains("inside but big"), skipped.toString());
                assertEquals("larger than the migration's size limit of 3000 bytes", skipped.get(0).reason());

                MigrationState s1 = store.states("edit").get(1);
                assertEquals(MigrationStatus.SYNCED, s1.status());
                assertFalse(s1.lastSync().orElseThrow().isBefore(notBefore), "synced at " + s1.lastSync() + ", not before "
                        + notBefore);
                Mailboxes.assertSame(d, "e1", "ed1");
            }

            // an export keeps the limits, schedule and folder mapping; importing it again reads them back
            Path export = dir.resolve("edit.csv");
            CliRun exported = CliRun.of("batch", "export", "edit", export.toString(), "--workspace", dir.toString());
            assertEquals(0, exported.code(), exported.toString());
            // the export has no passwords: fill the two columns as an administrator would (no cell here holds a comma)
            List<String> lines = new java.util.ArrayList<>(Files.readAllLines(export));
            for (int i = 1; i < lines.size(); i++) {
                String[] cells = lines.get(i).split(",", -1);
                cells[3] = "pw";
                cells[7] = "pw";
                lines.set(i, String.join(",", cells));
            }
            var back = Platform.importer(registry).read(String.join("\n", lines).getBytes(StandardCharsets.UTF_8),
                    ImportOptions.auto());
            assertEquals(List.of(), back.problems(), Files.readString(export));
            MigrationOptions first = back.pairs().get(0).migration().options();
            assertEquals(edited.options().limits(), first.limits());
            assertEquals(Map.of("INBOX/Old", "Archive/Old"), first.folderMap());
            assertTrue(back.pairs().get(1).migration().options().notBefore().isPresent(), Files.readString(export));
        }
    }

    private static void append(Dovecot d, String user, String subject, Instant date, int bytes) throws Exception {
        Account a = new Account("imap", Map.of("host", Dovecot.HOST, "port", String.valueOf(d.imapPort()), "security",
                "plain", "login", user), new CredentialRef(user));
        try (ConnectorSession s = new ImapConnector().open(a, Role.DESTINATION, ConnectContext.of(Secret.of(Dovecot.PASSWORD)));
                Mailbox box = s.capability(MailStore.class).orElseThrow().open("INBOX", true)) {
            String head = "From: limits@example.org\r\nSubject: " + subject + "\r\n\r\n";
            String text = head + "x".repeat(bytes - head.length() - 2) + "\r\n";
            box.append(Mailboxes.body(text.getBytes(StandardCharsets.US_ASCII)), Set.of(), date);
        }
    }
}
