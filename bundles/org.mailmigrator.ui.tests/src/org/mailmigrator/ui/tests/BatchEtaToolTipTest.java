package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.internal.prefs.RunPreferences;

/**
 * The batch ETA's tooltip in the Batches view, as a person reads it by resting the mouse on the ETA: before the
 * batch runs here, why there is none; while the second row (concurrency 1) is not counted yet, the ETA is a lower
 * bound "≥ M:SS" and the tooltip says the uncounted row's time is not in it; once everything is synced, why it is
 * blank. Against a real Dovecot, the first mailbox large enough (1,200 messages) to be seen copying.
 */
class BatchEtaToolTipTest {

    @Test
    void theEtaToolTipSaysWhatTheEtaLeavesOut(@TempDir Path dir) throws Exception {
        BatchSession session = PlatformUI.getWorkbench().getService(BatchSession.class);
        var before = session.runSettings();
        ScopedPreferenceStore prefs = new ScopedPreferenceStore(InstanceScope.INSTANCE, RunPreferences.NODE);
        String concurrency = prefs.getString(RunPreferences.CONCURRENCY);
        boolean wasDefault = prefs.isDefault(RunPreferences.CONCURRENCY);
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH);
                // the first row's source at about 512 KB/s: its copy lasts long enough (≈ 14 s) for a rate and the
                // lower bound to be on screen on a quiet machine too
                org.mailmigrator.testing.Relay slow = org.mailmigrator.testing.Relay.to(d.imapPort())
                        .onOpen(link -> link.down(org.mailmigrator.testing.Relay.copy((b, len, passed) -> Thread.sleep(len / 512))))
                        .start()) {
            TestMailboxes.fillFolders(d, "et-s0", 3, 400, 6_000);
            TestMailboxes.fill(d, "et-s1", 3);
            String server = Dovecot.HOST + ":" + d.imapPort();
            String throttled = Dovecot.HOST + ":" + slow.port();
            Path file = dir.resolve("eta-" + System.nanoTime() + ".txt");
            Files.writeString(file, throttled + ";et-s0;" + Dovecot.PASSWORD + ";" + server + ";et-d0;" + Dovecot.PASSWORD + ";;\n"
                    + server + ";et-s1;" + Dovecot.PASSWORD + ";" + server + ";et-d1;" + Dovecot.PASSWORD + ";;\n");
            prefs.setValue(RunPreferences.CONCURRENCY, "1"); // one row at a time: the second is not counted meanwhile
            prefs.save();
            session.setRunSettings(session.runSettings().withAllowPlaintext(true)); // after the preferences: they reset it
            BatchesViewPage batches = BatchesViewPage.open();
            String name = batches.importAndSelect(file);
            assertEquals(1, session.workspace().store().batch(name).orElseThrow().concurrency());

            assertEquals(java.util.Arrays.asList("", "not running in this workbench: no rate"), batches.etaWithToolTip(name));

            MigrationsViewPage migrations = MigrationsViewPage.open();
            migrations.selectAll();
            migrations.run("Start");
            List<List<String>> lowerBound = new java.util.ArrayList<>();
            UiTestSupport.waitUntil(() -> {
                if (batches.cell(name, "ETA").startsWith("\u2265 ")) {
                    List<String> seen = batches.etaWithToolTip(name);
                    if (seen.get(0).startsWith("\u2265 ")) {
                        lowerBound.add(seen);
                    }
                }
                return !lowerBound.isEmpty() || migrations.column("Status").stream().allMatch("Synced"::equals);
            }, Duration.ofSeconds(120), () -> batches.cell(name, "ETA") + " " + migrations.column("Status"));
            assertEquals(1, lowerBound.size(), "a lower bound while the second row waited: " + migrations.column("Status"));
            assertTrue(lowerBound.get(0).get(0).matches("\u2265 \\d+:\\d\\d"), lowerBound.toString());
            assertEquals("1 row(s) not counted yet: their time is not in it (at least this long)", lowerBound.get(0).get(1));

            UiTestSupport.waitUntil(() -> migrations.column("Status").stream().allMatch("Synced"::equals),
                    Duration.ofSeconds(120), () -> migrations.column("Status").toString());
            UiTestSupport.waitUntil(() -> batches.cell(name, "Synced").equals("2"), Duration.ofSeconds(10),
                    () -> batches.cell(name, "Synced"));
            assertEquals(java.util.Arrays.asList("", "no row is copying now"), batches.etaWithToolTip(name));
        } finally {
            if (wasDefault) {
                prefs.setToDefault(RunPreferences.CONCURRENCY);
            } else {
                prefs.setValue(RunPreferences.CONCURRENCY, concurrency);
            }
            prefs.save();
            session.setRunSettings(before);
        }
    }
}
