package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.DovecotOptions;

/**
 * {@code batch run --preflight-only} against a destination Dovecot that announces APPENDLIMIT=100000 and
 * reports a 1 MiB storage quota (QUOTA, GETQUOTAROOT): one row has a message over the limit, one more
 * data than the quota leaves, one fits. The fix lists, quota lines and capabilities come from the servers.
 */
class PreflightQuotaTest {
    private static final int LIMIT = 100_000;

    @Test
    void capabilitiesQuotaAndAppendLimit(@TempDir Path dir) throws Exception {
        try (Dovecot src = Dovecot.start(Dovecot.Layout.SLASH);
                Dovecot dst = Dovecot.start(DovecotOptions.of(Dovecot.Layout.SLASH).withAppendLimit(LIMIT).withQuotaKib(1024))) {
            Mailboxes.fill(src, "q1", 6, 11, 300_000);
            Mailboxes.fillSized(src, "q2", 12, 95_000);
            Mailboxes.fill(src, "q3", 6, 13, 0);
            Mailboxes.fillSized(dst, "q3", 1, 20_480);
            Path file = dir.resolve("quota.csv");
            String s = "imap://127.0.0.1:" + src.imapPort();
            String d = "imap://127.0.0.1:" + dst.imapPort();
            Files.writeString(file, "source.server,source.login,source.password,destination.server,destination.login,"
                    + "destination.password\n" + s + ",q1,testpass," + d + ",q1,testpass\n" + s + ",q2,testpass," + d
                    + ",q2,testpass\n" + s + ",q3,testpass," + d + ",q3,testpass\n");
            Path reports = dir.resolve("reports");
            CliRun run = CliRun.of("batch", "run", file.toString(), "--workspace", dir.resolve("ws").toString(),
                    "--allow-plaintext", "--preflight-only", "--report", reports.toString());
            String out = run.out();
            System.out.println(out);
            assertEquals(9, run.code(), run.toString());

            String q1 = block(out, "00002-q1");
            long big = ("From: big@example.org\r\nSubject: big one of q1\r\n\r\n" + "z".repeat(300_000) + "\r\n").length();
            assertTrue(q1.startsWith("00002-q1: TO FIX - 3 folder(s), 7 message(s)"), q1);
            assertTrue(q1.contains("fix: largest message " + big + " bytes is over the destination's limit " + LIMIT
                    + " (APPENDLIMIT; 1 message(s) over it, the largest in 'INBOX')"), q1);
            assertTrue(q1.contains("quota: 'User quota' STORAGE 0 KiB used of 1024 KiB"), q1);

            String q2 = block(out, "00003-q2");
            assertTrue(q2.startsWith("00003-q2: TO FIX - 1 folder(s), 12 message(s), 1140000 bytes, largest 95000 bytes, "
                    + "APPENDLIMIT " + LIMIT), q2);
            assertTrue(q2.contains("fix: the source holds 1140000 bytes but the destination's quota 'User quota' STORAGE 0 KiB"
                    + " used of 1024 KiB leaves 1048576 bytes free"), q2);
            assertFalse(q2.contains("largest message"), "95,000 bytes fit under the limit: " + q2);

            // q3 already has 20,480 bytes on the destination: the usage is read from the server, not assumed
            String q3 = block(out, "00004-q3");
            assertTrue(q3.startsWith("00004-q3: ready - 3 folder(s), 6 message(s)"), q3);
            assertTrue(q3.contains("quota: 'User quota' STORAGE 20 KiB used of 1024 KiB"), q3);
            assertFalse(q3.contains("fix:"), q3);
            Matcher caps = Pattern.compile("destination capabilities: (.*)").matcher(q3);
            assertTrue(caps.find(), q3);
            assertTrue((" " + caps.group(1) + " ").contains(" APPENDLIMIT=" + LIMIT + " ")
                    && (" " + caps.group(1) + " ").contains(" QUOTA "), caps.group(1));
            Matcher srcCaps = Pattern.compile("source capabilities: (.*)").matcher(q3);
            assertTrue(srcCaps.find() && srcCaps.group(1).contains("IMAP4rev1") && !srcCaps.group(1).contains("QUOTA"),
                    "the source has no quota plugin: " + q3);

            String txt = Files.readString(reports.resolve("preflight.txt"), StandardCharsets.UTF_8);
            assertTrue(out.contains(txt), "the report holds what was printed:\n" + txt);
            String json = Files.readString(reports.resolve("preflight.json"), StandardCharsets.UTF_8);
            assertTrue(json.contains("\"limit\": 1024") && json.contains("\"appendLimit\": " + LIMIT), json);
            assertFalse(json.contains("testpass") || txt.contains("testpass"), "no password in the pre-flight report");
            // a pre-flight only checks: every row keeps its status (Queued), the findings are in the pre-flight report
            String status = Files.readString(reports.resolve("migrations.csv"), StandardCharsets.UTF_8);
            assertEquals(3, status.lines().filter(l -> l.contains(",Queued,")).count(), status);
            assertFalse(status.contains("Failed"), status);
        }
    }

    /** The lines of one row's block: from its summary line to the next row's. */
    private static String block(String out, String id) {
        int start = out.indexOf(id + ": ", out.indexOf("Pre-flight:"));
        assertTrue(start >= 0, "no pre-flight block for " + id + ":\n" + out);
        int end = out.indexOf("\n0000", start);
        return end < 0 ? out.substring(start) : out.substring(start, end + 1);
    }
}
