package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.connector.imap.internal.Links;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.Shared;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.Cyrus;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.DovecotOptions;
import org.mailmigrator.testing.Relay;

/**
 * COMPRESS=DEFLATE (RFC 4978) against real servers that offer it: a Dovecot with its imap_zlib plugin and Cyrus IMAP.
 * What an administrator would check: the mail arrives message for message (a big message's partial fetches
 * included), far fewer bytes cross the link than without compression, the run says whether each side compressed
 * and, when it did not, that the server offers it, a server without it still works, and a wrong setting names itself.
 * With {@code compress=auto} (the default): over relays that carry 3 MB/s a connection both sides measure the link
 * narrow and compress from then on, saying what they measured; over a wide link neither does. The bytes are counted by
 * relays in front of the servers.
 */
class CompressionTest {
    private static Dovecot zlib;
    private static Dovecot plain; // no imap_zlib: does not offer COMPRESS
    private static final int BIG_MESSAGES = 48;
    private static long bigBytes; // the z-big mailbox's messages, in bytes
    private static long srcMailBytes; // the z-src mailbox's

    @BeforeAll
    static void start() throws Exception {
        zlib = Dovecot.start(DovecotOptions.of(Dovecot.Layout.SLASH).withCompress());
        plain = Dovecot.start(DovecotOptions.of(Dovecot.Layout.SLASH).withTls(false));
        try (ImapProbe p = ImapProbe.login(zlib, "z-src")) {
            p.create("Archive", true);
            Random random = new Random(15);
            for (int n = 1; n <= 40; n++) {
                byte[] m = message(n, random, n == 7 ? 1_600_000 : 6_000 + 700 * n);
                srcMailBytes += m.length;
                p.append(n % 4 == 0 ? "Archive" : "INBOX", m, n % 3 == 0 ? Set.of("\\Seen") : Set.of(), Instant.parse("2024-03-04T05:06:07Z").plusSeconds(n));
            }
        }
        try (ImapProbe p = ImapProbe.login(zlib, "z-mid")) { // enough answers of 128 KiB or more to measure a source
            Random random = new Random(34);
            for (int n = 1; n <= 16; n++) {
                p.append("INBOX", message(n + 100, random, 200_000), Set.of(), Instant.parse("2024-05-06T07:08:09Z"));
            }
        }
        try (ImapProbe p = ImapProbe.login(zlib, "z-big")) { // for compress=auto: enough big answers to measure
            Random random = new Random(33);
            for (int n = 1; n <= BIG_MESSAGES; n++) {
                byte[] m = message(n, random, 410_000 + 1_000 * n); // 3 make an APPEND of 1 MiB or more
                bigBytes += m.length;
                p.append("INBOX", m, Set.of(), Instant.parse("2024-05-06T07:08:09Z").plusSeconds(n));
            }
        }
    }

    @AfterAll
    static void stop() {
        zlib.close();
        plain.close();
    }

    /** Prose-like text (compresses as mail does), and every fifth message a base64 attachment of random bytes. */
    static byte[] message(int n, Random random, int size) {
        String[] words = { "migration", "mailbox", "the", "of", "calendar", "meeting", "Friday", "report", "budget",
                "and", "to", "please", "attached", "server", "folder", "thanks", "regards", "quarter", "team" };
        StringBuilder s = new StringBuilder("From: sender" + n + "@example.org\r\nTo: team@example.org\r\nSubject: note "
                + n + "\r\nMessage-ID: <c" + n + "@example.org>\r\nMIME-Version: 1.0\r\n");
        if (n % 5 == 0) {
            byte[] blob = new byte[size / 3];
            random.nextBytes(blob);
            s.append("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
                    + "--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                    .append(Base64.getMimeEncoder().encodeToString(blob)).append("\r\n--b--\r\n");
            return s.toString().getBytes(StandardCharsets.US_ASCII);
        }
        s.append("Content-Type: text/plain\r\n\r\n");
        while (s.length() < size) {
            StringBuilder line = new StringBuilder();
            while (line.length() < 70) {
                line.append(words[random.nextInt(words.length)]).append(' ');
            }
            s.append(line).append("\r\n");
        }
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Bytes both ways through relays in front of the source and the destination, and the run's log. */
    private record Run(MigrationReport report, long sourceBytes, long destinationBytes, List<String> log) {
        long bytes() {
            return sourceBytes + destinationBytes;
        }

        String line(String side) {
            return log.stream().filter(l -> l.startsWith(side + " link: ")).findFirst().orElse("(no " + side + " link line)");
        }
    }

    /** A plain IMAP account at {@code port} (a relay's or the server's), with {@code compress} when not null. */
    private static Account account(int port, String user, String compress) {
        Map<String, String> extra = new HashMap<>(Map.of("port", String.valueOf(port)));
        if (compress != null) {
            extra.put("compress", compress);
        }
        return Pair.account(zlib, user, "plain", extra);
    }

    private static Run run(Path dir, int srcPort, String srcCompress, int dstPort, String dstUser, String dstCompress)
            throws Exception {
        return run(dir, "z-src", srcCompress, dstUser, dstCompress, 0, Pair.fast());
    }

    /**
     * From {@code srcUser} to {@code dstUser} on the zlib Dovecot through counting relays, each direction of each
     * connection carried at no more than {@code bytesPerSecond} when it is not 0.
     */
    private static Run run(Path dir, String srcUser, String srcCompress, String dstUser, String dstCompress,
            double bytesPerSecond, MigrationSettings settings) throws Exception {
        AtomicLong srcBytes = new AtomicLong();
        AtomicLong dstBytes = new AtomicLong();
        try (Relay src = counting(zlib.imapPort(), srcBytes, bytesPerSecond);
                Relay dst = counting(zlib.imapPort(), dstBytes, bytesPerSecond)) {
            List<String> log = new CopyOnWriteArrayList<>();
            MigrationReport r = engine(dir, account(src.port(), srcUser, srcCompress),
                    account(dst.port(), dstUser, dstCompress), settings, log);
            return new Run(r, srcBytes.get(), dstBytes.get(), log);
        }
    }

    private static MigrationReport engine(Path dir, Account src, Account dst, List<String> log) throws Exception {
        return engine(dir, src, dst, Pair.fast(), log);
    }

    /** A pass whose connectors keep what they measure in {@code runner}, as a batch's passes do. */
    private static MigrationReport engine(Path dir, Shared runner, Account src, Account dst, List<String> log)
            throws Exception {
        try (StateStore state = StateStore.openEmbedded(dir, "state")) {
            return new MigrationEngine(() -> new ImapConnector().open(src, Role.SOURCE, ConnectContext.of(Secret.of(
                    Dovecot.PASSWORD)).with(runner)), () -> new ImapConnector().open(dst, Role.DESTINATION,
                            ConnectContext.of(Secret.of(Dovecot.PASSWORD)).with(runner)), state, Pair.fast(),
                    listener(log)).run();
        }
    }

    private static MigrationListener listener(List<String> log) {
        return new MigrationListener() {
            @Override
            public void info(String message) {
                log.add(message);
            }
        };
    }

    private static MigrationReport engine(Path dir, Account src, Account dst, MigrationSettings settings, List<String> log)
            throws Exception {
        try (StateStore state = StateStore.openEmbedded(dir, "state")) {
            return new MigrationEngine(Pair.factory(src, Role.SOURCE, Dovecot.PASSWORD),
                    Pair.factory(dst, Role.DESTINATION, Dovecot.PASSWORD), state, settings, new MigrationListener() {
                        @Override
                        public void info(String message) {
                            log.add(message);
                        }
                    }).run();
        }
    }

    /** A relay counting the bytes of both directions, each at no more than {@code bytesPerSecond} unless 0. */
    private static Relay counting(int port, AtomicLong bytes, double bytesPerSecond) throws Exception {
        Relay.Chunk count = (b, n, before) -> bytes.addAndGet(n);
        if (bytesPerSecond == 0) {
            return Relay.to(port).onOpen(link -> link.up(Relay.copy(count)).down(Relay.copy(count))).start();
        }
        return Relay.to(port).receiveBuffer(64 << 10).onOpen(link -> link.up(Relay.throttled(bytesPerSecond, count))
                .down(Relay.throttled(bytesPerSecond, count))).start();
    }

    /** The line a side's session said last of its link: at the end of the run when compress=auto measured it. */
    private static String last(Run run, String side) {
        return run.log().stream().filter(l -> l.startsWith(side + " link: ")).reduce((a, b) -> b)
                .orElse("(no " + side + " link line)");
    }

    /** The MB/s a "link measured N MB/s a connection" line says. */
    private static double measured(String line) {
        var m = java.util.regex.Pattern.compile("the link measured ([0-9.]+) MB/s a connection").matcher(line);
        assertTrue(m.find(), line);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void autoCompressesOnceANarrowLinkIsMeasuredBothWays(@TempDir Path dir) throws Exception {
        // 3 MB/s a direction of a connection: narrower than the 8 MB/s under which compress=auto compresses
        // groups of 3 messages (1.2-1.4 MB an APPEND): 16 groups, 8 to measure the upload, the rest compressed
        Run narrow = run(dir, "z-big", "auto", "z-narrow", "auto", 3_000_000, Pair.fast().withBatchSize(3));
        assertEquals(Outcome.COMPLETED, narrow.report().outcome(), narrow.report().failure());
        assertEquals(BIG_MESSAGES, narrow.report().copied());
        Verify.sameMail(zlib, "z-big", zlib, "z-narrow", Map.of());
        assertEquals("source link: uncompressed so far: the link not measured yet (setting compress=auto compresses once "
                + "a connection measures under 8 MB/s)", narrow.line("source"), narrow.log()::toString);
        String source = last(narrow, "source");
        assertTrue(source.matches("source link: COMPRESS=DEFLATE on from \\d\\d:\\d\\d:\\d\\d UTC: the link measured "
                + "[0-9.]+ MB/s a connection \\(8 answers of 128 KiB or more from the server, by \\d\\d:\\d\\d:\\d\\d UTC\\) "
                + "\\(setting compress=auto\\)"),
                narrow.log()::toString);
        assertTrue(measured(source) < 3.5, source); // what the relay lets through, not more
        String destination = last(narrow, "destination");
        assertTrue(destination.matches("destination link: COMPRESS=DEFLATE on from .* UTC: the link measured [0-9.]+ MB/s "
                + "a connection \\(8 commands that sent 1 MiB or more to the server, by .* UTC\\) \\(setting compress=auto\\)"),
                narrow.log()::toString);
        assertTrue(measured(destination) < 3.5, destination);
        // the source measures within its first 8 answers, the destination within its first 8 APPENDs; the rest goes
        // compressed
        assertTrue(narrow.sourceBytes() < bigBytes * 0.7, narrow.sourceBytes() + " bytes fetched of " + bigBytes);
        assertTrue(narrow.destinationBytes() < bigBytes * 0.85, narrow.destinationBytes() + " bytes sent of " + bigBytes);
    }

    /**
     * What one pass measured serves the next passes of the same runner (a batch's next mailboxes, through the
     * {@link Shared} its connectors get) for an hour: a small mailbox, which cannot measure by itself, compresses from
     * its first command; after the hour the link is measured again.
     */
    @Test
    void aMeasureServesTheRunnersLaterPassesForAnHour(@TempDir Path dir) throws Exception {
        Shared runner = new Shared();
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T09:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        runner.get(Links.class, () -> new Links(clock));
        AtomicLong srcBytes = new AtomicLong();
        try (Relay src = counting(zlib.imapPort(), srcBytes, 3_000_000)) {
            List<String> log = new CopyOnWriteArrayList<>();
            MigrationReport measuring = engine(dir.resolve("1"), runner, account(src.port(), "z-mid", null),
                    account(zlib.imapPort(), "z-kept1", null), log);
            assertEquals(16, measuring.copied(), measuring.failure());
            String measured = log.stream().filter(l -> l.startsWith("source link: ")).reduce((a, b) -> b).orElseThrow();
            assertTrue(measured.matches("source link: COMPRESS=DEFLATE on from .* the link measured [0-9.]+ MB/s a "
                    + "connection \\(8 answers of 128 KiB or more from the server, by 09:00:00 UTC\\) \\(setting compress=auto\\)"),
                    log::toString);

            now.set(now.get().plus(Duration.ofMinutes(59)));
            log.clear();
            long before = srcBytes.get();
            MigrationReport small = engine(dir.resolve("2"), runner, account(src.port(), "z-src", null),
                    account(zlib.imapPort(), "z-kept2", null), log);
            assertEquals(40, small.copied(), small.failure());
            Verify.sameMail(zlib, "z-src", zlib, "z-kept2", Map.of());
            List<String> said = log.stream().filter(l -> l.startsWith("source link: ")).toList();
            assertTrue(!said.isEmpty() && said.stream().allMatch(l -> l.startsWith("source link: COMPRESS=DEFLATE on from ")
                    && l.contains("by 09:00:00 UTC)")), log::toString);
            long fetched = srcBytes.get() - before;
            assertTrue(fetched < srcMailBytes / 2, fetched + " bytes crossed the link for " + srcMailBytes + " bytes of mail");

            now.set(now.get().plus(Duration.ofMinutes(2)));
            log.clear();
            MigrationReport later = engine(dir.resolve("3"), runner, account(src.port(), "z-src", null),
                    account(zlib.imapPort(), "z-kept3", null), log);
            assertEquals(40, later.copied(), later.failure());
            assertEquals("source link: uncompressed so far: the link not measured yet (setting compress=auto compresses "
                    + "once a connection measures under 8 MB/s)", log.stream().filter(l -> l.startsWith("source link: "))
                            .findFirst().orElseThrow(), log::toString);
        }
    }

    @Test
    void autoLeavesAWideLinkUncompressedSayingWhatItMeasured(@TempDir Path dir) throws Exception {
        Run wide = run(dir, "z-big", "auto", "z-wide", "auto", 0, Pair.fast().withBatchSize(3));
        assertEquals(BIG_MESSAGES, wide.report().copied(), wide.report().failure());
        Verify.sameMail(zlib, "z-big", zlib, "z-wide", Map.of());
        String source = last(wide, "source");
        assertTrue(source.matches("source link: uncompressed: the link measured [0-9.]+ MB/s a connection \\(8 answers "
                + "of 128 KiB or more from the server, by .* UTC\\), 8 MB/s or more \\(setting compress=auto compresses under 8 MB/s\\)"),
                wide.log()::toString);
        assertTrue(measured(source) >= 8, source);
        String destination = last(wide, "destination");
        assertTrue(destination.startsWith("destination link: uncompressed: the link measured "), wide.log()::toString);
        assertTrue(wide.sourceBytes() > bigBytes && wide.destinationBytes() > bigBytes, wide.toString());
    }

    @Test
    void compressedBothWaysTheMailArrivesWholeOverFarFewerBytes(@TempDir Path dir) throws Exception {
        Run on = run(dir.resolve("on"), zlib.imapPort(), "on", zlib.imapPort(), "z-on", "on");
        assertEquals(Outcome.COMPLETED, on.report().outcome(), on.report().failure());
        assertEquals(40, on.report().copied());
        Verify.sameMail(zlib, "z-src", zlib, "z-on", Map.of());
        assertEquals("source link: COMPRESS=DEFLATE on (setting compress=on)", on.line("source"), on.log()::toString);
        assertEquals("destination link: COMPRESS=DEFLATE on (setting compress=on)", on.line("destination"));

        Run off = run(dir.resolve("off"), zlib.imapPort(), "off", zlib.imapPort(), "z-off", "off");
        assertEquals(40, off.report().copied(), off.report().failure());
        Verify.sameMail(zlib, "z-src", zlib, "z-off", Map.of());
        assertTrue(off.line("source").startsWith("source link: uncompressed; the server offers"), off.line("source"));
        // text shrinks several times, random attachments by a quarter: 21 % over all when written
        assertTrue(on.bytes() < off.bytes() * 0.4, "compressed " + on.bytes() + " bytes, uncompressed " + off.bytes());

        Run again = run(dir.resolve("on"), zlib.imapPort(), "on", zlib.imapPort(), "z-on", "on");
        assertEquals(0, again.report().copied(), "a second compressed pass finds everything: " + again.report());
        assertEquals(40, again.report().alreadyPresent());
    }

    @Test
    void autoByDefaultMeasuringFirstAndAServerWithoutItStillWorks(@TempDir Path dir) throws Exception {
        Run byDefault = run(dir.resolve("default"), zlib.imapPort(), null, zlib.imapPort(), "z-default", null);
        assertEquals(40, byDefault.report().copied(), byDefault.report().failure());
        Verify.sameMail(zlib, "z-src", zlib, "z-default", Map.of());
        // 40 small messages and one big one fetched in parts: too few answers to measure the link, so no verdict
        assertEquals(List.of("source link: uncompressed so far: the link not measured yet (setting compress=auto "
                + "compresses once a connection measures under 8 MB/s)"), byDefault.log().stream()
                        .filter(l -> l.startsWith("source link: ")).toList(), byDefault.log()::toString);
        assertEquals("destination link: uncompressed so far: the link not measured yet (setting compress=auto compresses"
                + " once a connection measures under 8 MB/s)", byDefault.line("destination"));

        try (ImapProbe p = ImapProbe.login(plain, "p-src")) {
            p.append("INBOX", message(1, new Random(1), 3000), Set.of(), Instant.parse("2024-03-04T05:06:07Z"));
        }
        List<String> log = new CopyOnWriteArrayList<>();
        MigrationReport r = engine(dir.resolve("none"), account(plain.imapPort(), "p-src", "on"),
                account(plain.imapPort(), "p-dst", "on"), log);
        assertEquals(1, r.copied(), r.failure());
        assertTrue(log.contains("source link: COMPRESS=DEFLATE not offered by the server: uncompressed"), log::toString);
        Verify.sameMail(plain, "p-src", plain, "p-dst", Map.of());
    }

    @Test
    void aWrongSettingNamesItself() {
        var e = assertThrows(ConnectorException.class,
                () -> Pair.factory(account(zlib.imapPort(), "z-src", "fast"), Role.SOURCE, Dovecot.PASSWORD).open());
        assertEquals("IMAP account: setting 'compress' is 'fast'; expected off, on or auto", e.getMessage());
    }

    @Test
    void cyrusTakesOurCompressedAppendsThroughTheCommandLine(@TempDir Path dir) throws Exception {
        try (Cyrus cyrus = Cyrus.start(Cyrus.Layout.SLASH, List.of("z-cyrus"))) {
            String src = "imap://z-src@127.0.0.1:" + zlib.imapPort();
            String dst = "imap://z-cyrus@127.0.0.1:" + cyrus.imapPort();
            CliRun first = CliRun.of(CliRun.migrate(dir, src, dst, Dovecot.PASSWORD, cyrus.password(),
                    "--allow-plaintext", "--compress", "on"));
            assertEquals(0, first.code(), first.toString());
            assertTrue(first.err().contains("destination link: COMPRESS=DEFLATE on (setting compress=on)"), first.toString());
            assertTrue(first.out().matches("(?s).*copied\\s+40 message.*"), first.toString());
            CliRun again = CliRun.of(CliRun.migrate(dir, src, dst, Dovecot.PASSWORD, cyrus.password(),
                    "--allow-plaintext", "--compress", "on"));
            assertTrue(again.out().matches("(?s).*copied\\s+0 message.*already present\\s+40.*"), again.toString());
            CliRun wrong = CliRun.of(CliRun.migrate(dir, src, dst, Dovecot.PASSWORD, cyrus.password(),
                    "--allow-plaintext", "--compress", "sometimes"));
            assertEquals(2, wrong.code(), wrong.toString());
            assertTrue(wrong.err().contains("mailmigrator migrate: --compress: Compression: 'sometimes' is not one of off, "
                    + "on, auto"), wrong.toString());
        }
    }
}
