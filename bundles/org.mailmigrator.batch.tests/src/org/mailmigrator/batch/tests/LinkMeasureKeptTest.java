package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.jobs.LogEntry;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.DovecotOptions;
import org.mailmigrator.testing.Relay;

/**
 * compress=auto in a batch: what one mailbox measured of a server's link serves the next ones. Two rows read the same
 * source (a Dovecot offering COMPRESS=DEFLATE) through one relay that carries 3 MB/s a connection, one after the other.
 * The first (12 messages of 200 KB) measures the link narrow as it copies and compresses from then on; the second (40
 * messages of 20 KB: no answer big enough to measure anything by itself) compresses from its first command, says so
 * when it plans, naming the measure and when it was taken, and moves far fewer bytes than its messages hold. Both
 * copies are checked message for message on the server's files.
 */
class LinkMeasureKeptTest {

    @Test
    void theNextMailboxOfABatchCompressesFromTheStartOverALinkMeasuredNarrow(@TempDir Path dir) throws Exception {
        try (Dovecot d = Dovecot.start(DovecotOptions.of(Dovecot.Layout.SLASH).withCompress())) {
            Mailboxes.fillSized(d, "l-big", 12, 200_000);
            Mailboxes.fillSized(d, "l-small", 40, 20_000);
            long smallBytes = Mailboxes.bytes(d, "l-small");
            AtomicLong carried = new AtomicLong();
            try (Relay narrow = Relay.to(d.imapPort()).receiveBuffer(64 << 10).onOpen(link -> link
                    .up(Relay.throttled(3_000_000, (b, n, before) -> carried.addAndGet(n)))
                    .down(Relay.throttled(3_000_000, (b, n, before) -> carried.addAndGet(n)))).start()) {
                String csv = row(narrow.port(), "l-big", d.imapPort()) + row(narrow.port(), "l-small", d.imapPort());
                try (SealedBatch batch = SealedBatch.of(dir, "links", csv)) {
                    String first = batch.id(0);
                    String second = batch.id(1);
                    RunSettings settings = RunSettings.defaults().withAllowPlaintext(true);
                    // one row, then the other, by the same manager (as a batch runs them when one at a time is allowed)
                    batch.run(first, settings);
                    long afterFirst = carried.get();
                    batch.run(second, settings);
                    long secondBytes = carried.get() - afterFirst;
                    assertEquals(List.of(MigrationStatus.SYNCED, MigrationStatus.SYNCED), batch.statuses());

                    List<String> big = links(batch.log(first));
                    assertEquals("source link: uncompressed so far: the link not measured yet (setting compress=auto "
                            + "compresses once a connection measures under 8 MB/s)", big.get(0), big::toString);
                    assertTrue(big.get(big.size() - 1).matches(MEASURED_AND_ON), big::toString);

                    List<String> next = links(batch.log(second));
                    // its first word: compressing already, from the first row's measure
                    assertTrue(next.get(0).matches(MEASURED_AND_ON), next::toString);
                    assertTrue(next.stream().allMatch(l -> l.matches(MEASURED_AND_ON)), next::toString);
                    // uncompressed, its messages alone would be more than their files hold (stored with bare LFs)
                    assertTrue(secondBytes < smallBytes / 2, secondBytes + " bytes crossed the link for " + smallBytes
                            + " bytes of mail");
                }
            }
            Mailboxes.assertSame(d, "l-big", "l-big-copy");
            Mailboxes.assertSame(d, "l-small", "l-small-copy");
        }
    }

    private static final String MEASURED_AND_ON = "source link: COMPRESS=DEFLATE on from \\d\\d:\\d\\d:\\d\\d UTC: the link "
            + "measured [0-9.]+ MB/s a connection \\(8 answers of 128 KiB or more from the server, by \\d\\d:\\d\\d:\\d\\d "
            + "UTC\\) \\(setting compress=auto\\)";

    private static String row(int sourcePort, String user, int destinationPort) {
        return "127.0.0.1:" + sourcePort + ";" + user + ";" + Dovecot.PASSWORD + ";127.0.0.1:" + destinationPort + ";"
                + user + "-copy;" + Dovecot.PASSWORD + ";;\n";
    }

    /** The lines a row's passes said of the source's link, oldest first. */
    private static List<String> links(List<LogEntry> log) {
        return log.stream().map(LogEntry::message).filter(l -> l.startsWith("source link: ")).toList();
    }
}
