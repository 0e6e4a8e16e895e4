package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.engine.SkippedItem;
import org.mailmigrator.core.model.MessageLimits;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.SharedDovecot;

/**
 * A migration's date window and size limit against Dovecot: exactly the corpus messages received inside the
 * window and not over the size arrive (bytes, flags, dates); the over-size one is reported with the limit,
 * those outside the dates are not; a second run copies nothing and reports the same skip.
 */
@ExtendWith(SharedDovecot.class)
class MessageLimitsTest {
    private static final Instant SINCE = Instant.parse("2015-01-01T00:00:00Z");
    private static final Instant BEFORE = Instant.parse("2024-01-01T00:00:00Z");
    private static final long MAX = 1_000_000;

    @Test
    void onlyMessagesInsideTheDatesAndUnderTheSizeAreCopied(Dovecot d, @TempDir Path state) throws Exception {
        List<TestCorpus.Mail> mails = Corpus.load(d, "lim-src", 3);
        List<String> expected = new ArrayList<>();
        int outside = 0;
        for (TestCorpus.Mail m : mails) {
            boolean inside = !m.date().isBefore(SINCE) && m.date().isBefore(BEFORE);
            if (inside && m.bytes().length <= MAX) {
                expected.add(Verify.line(m));
            } else if (!inside) {
                outside++;
            }
        }
        assertTrue(outside > 0 && expected.size() > 0, "the corpus has messages on both sides of the window");
        Pair pair = new Pair(d, "lim-src", d, "lim-dst", state);
        var settings = Pair.fast().withLimits(new MessageLimits(Optional.of(SINCE), Optional.of(BEFORE), Optional.of(MAX)));

        MigrationReport report = pair.run(settings, null);
        assertEquals(Outcome.ITEMS_SKIPPED, report.outcome(), report.failure());
        assertEquals(expected.size(), report.copied());
        List<SkippedItem> skipped = report.skipped();
        assertEquals(1, skipped.size(), "only the big message, not the " + outside + " outside the dates: " + skipped);
        assertTrue(skipped.get(0).size() > MAX, skipped.toString());
        assertEquals("larger than the migration's size limit of 1000000 bytes", skipped.get(0).reason());
        assertEquals(expected.stream().sorted().toList(), onDestination(d));

        MigrationReport again = pair.run(settings, null);
        assertEquals(0, again.copied());
        assertEquals(1, again.skipped().size());
        assertEquals(expected.stream().sorted().toList(), onDestination(d));
    }

    private static List<String> onDestination(Dovecot d) throws Exception {
        try (ImapProbe p = ImapProbe.login(d, "lim-dst")) {
            return p.snapshot().values().stream().flatMap(List::stream).sorted().toList();
        }
    }
}
