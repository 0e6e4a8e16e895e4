package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Hoodiecrow;
import org.mailmigrator.testing.Hoodiecrow.Message;
import org.mailmigrator.testing.Relay;

/**
 * Issue 11 item 6: a warning of a pass (here a refused SUBSCRIBE of the \Noselect {@code Lists} parent of a
 * Gmail-like source) is shown by {@code batch status} and the batch reports, not only by {@code migrate}; the row is
 * synced (a warning costs no message). Dovecot refused that SUBSCRIBE while the engine subscribed each folder before
 * the next was created; now that the SUBSCRIBEs follow all the CREATEs it takes it, so a relay in front of Dovecot
 * turns that one command into the SUBSCRIBE of a folder that does not exist, which Dovecot refuses with its own words.
 */
class BatchWarningsTest {
    private static final java.util.regex.Pattern SUBSCRIBE_LISTS =
            java.util.regex.Pattern.compile("(\\S+) SUBSCRIBE \"?Lists\"?\r?\n");

    @Test
    void aRefusedSubscribeIsShownByStatusAndReports(@TempDir Path dir) throws Exception {
        Hoodiecrow.Storage storage = new Hoodiecrow.Storage().folder("INBOX", null, List.of(message(1)))
                .folder("Lists/Dev", null, List.of(message(2)))
                .folder("Lists/Ops", null, List.of(message(3))); // "Lists" itself: a \Noselect parent
        try (Hoodiecrow gmail = Hoodiecrow.start(storage); Dovecot dovecot = Dovecot.start(Dovecot.Layout.SLASH);
                Relay dst = Relay.to(dovecot.imapPort()).name("subscribe-refusing-relay").onOpen(link -> link.up((in, up) -> {
                    for (byte[] line; (line = Relay.line(in)) != null;) {
                        java.util.regex.Matcher m = SUBSCRIBE_LISTS.matcher(new String(line, StandardCharsets.ISO_8859_1));
                        up.write(m.matches() ? (m.group(1) + " SUBSCRIBE Lists-not-there\r\n").getBytes(StandardCharsets.US_ASCII)
                                : line);
                    }
                })).start()) {
            Path file = dir.resolve("gmail.csv");
            Files.writeString(file, "source.server,source.login,source.password,destination.server,destination.login,"
                    + "destination.password\nimap://127.0.0.1:" + gmail.port() + "," + Hoodiecrow.USER + ","
                    + Hoodiecrow.PASSWORD + ",imap://127.0.0.1:" + dst.port() + ",gw," + Dovecot.PASSWORD + "\n");
            String ws = dir.resolve("ws").toString();
            assertEquals(0, CliRun.of("batch", "import", file.toString(), "--workspace", ws, "--name", "gw").code());
            Path reports = dir.resolve("reports");
            CliRun run = CliRun.of("batch", "run", "gw", "--workspace", ws, "--allow-plaintext", "--report",
                    reports.toString());
            assertEquals(0, run.code(), run.toString());

            java.util.regex.Pattern warning = java.util.regex.Pattern.compile(
                    "warning: [^\n]*refused to subscribe folder 'Lists'");
            CliRun status = CliRun.of("batch", "status", "gw", "--workspace", ws);
            assertTrue(warning.matcher(status.out()).find(), status.toString());
            String summary = Files.readString(reports.resolve("summary.txt"), StandardCharsets.UTF_8);
            assertTrue(warning.matcher(summary).find(), summary);
            String json = Files.readString(reports.resolve("batch.json"), StandardCharsets.UTF_8);
            assertTrue(json.contains("\"warnings\"") && json.contains("refused to subscribe folder 'Lists'"), json);
        }
    }

    private static Message message(int i) {
        String raw = "From: s" + i + "@example.org\r\nSubject: message " + i + "\r\nMessage-ID: <w" + i
                + "@example.org>\r\n\r\nBody " + i + "\r\n";
        return new Message(raw.getBytes(StandardCharsets.US_ASCII), List.of("\\Seen"), "13-Sep-2013 21:22:28 -0300");
    }
}
