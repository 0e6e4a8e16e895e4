package org.mailmigrator.connector.ews.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mailmigrator.cli.Cli;
import org.mailmigrator.connector.ews.EwsConnector;
import org.mailmigrator.connector.ical.internal.IcsFolderReader;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.pim.PimMigration;
import org.mailmigrator.core.pim.PimReport;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.core.spi.ConnectContext;

/** Named sub-folders and {@code migrate --target ews+...}, against the EWS PROTOCOL FAKE (no Exchange in tests). */
class EwsFoldersAndCommandLineTest extends AgainstTheFake {
    @Test
    void aNamedCalendarSubFolderIsCreatedOnceAndHoldsTheEvents() throws Exception {
        for (int run = 0; run < 2; run++) {
            try (var session = new EwsConnector().open(EwsRun.ews(fake, Map.of("calendarFolder", "Imported")), Role.DESTINATION,
                    ConnectContext.of(Secret.of(EwsRun.PASSWORD))); PimState state = PimState.openEmbedded(dir.resolve("s" + run), "p")) {
                PimReport r = new PimMigration(new IcsFolderReader(EwsRun.corpus("google"), java.util.Optional.empty()),
                        session.capability(PimWriter.class).orElseThrow(), state, EnumSet.allOf(ItemKind.class), null).run();
                assertEquals(run == 0 ? 2 : 0, r.created(), r.outcomes().toString());
            }
        }
        assertEquals(1, fake.mailbox.folders.size(), "the sub-folder is found again, not created twice");
        var folder = fake.mailbox.folders.values().iterator().next();
        assertEquals("calendar", folder.parent());
        assertEquals("Imported", folder.name());
        assertTrue(fake.mailbox.items("CalendarItem").stream().allMatch(i -> i.folder().equals(folder.id())));
        assertEquals(List.of(), fake.violations);
    }

    @Test
    void theCommandLineMigratesIntoAnEwsTarget() throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), EwsRun.PASSWORD + "\n");
        String target = "ews+" + fake.url().replace("http://", "http://alice%40example.org@");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] { "migrate", "--source", EwsRun.corpus("ics").resolve("tasks.ics").toString(), "--target",
            target, "--allow-plaintext", "--target-password-file", pw.toString(), "--state", dir.resolve("state").toString() },
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("created 3, updated 0, unchanged 0, failed 0"), out.toString());
        assertEquals(3, fake.mailbox.items("Task").size());
        assertEquals(0, fake.challenges);
    }
}
