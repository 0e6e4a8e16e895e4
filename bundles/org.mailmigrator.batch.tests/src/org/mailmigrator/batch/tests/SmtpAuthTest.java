package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.notify.SmtpSettings;
import org.mailmigrator.testing.Dovecot;

import jakarta.mail.internet.MimeMessage;

/**
 * Notification mails through a real SMTP server that requires AUTH (python3-aiosmtpd with an authenticator):
 * the password set with {@code batch notify-settings} is sealed, never in clear in the workspace; AUTH over
 * plaintext is refused until the run allows it; with the right password the mails arrive; with a wrong one
 * none does, the run still completes and says once which server refused which login; a STARTTLS server whose
 * certificate the JVM does not trust gets no password and is named once.
 */
class SmtpAuthTest {
    private static final String LOGIN = "notify@example.org";
    private static final String SECRET = "Smtp-S3cret-7q";

    @Test
    void notificationsAuthenticateWithTheSealedPassword(@TempDir Path dir) throws Exception {
        try (Dovecot src = Dovecot.start(Dovecot.Layout.SLASH);
                Dovecot dst = Dovecot.start(Dovecot.Layout.SLASH);
                SmtpServer smtp = SmtpServer.startWithAuth(dir, LOGIN, SECRET)) {
            Path ws = importBatch(dir, src, dst);
            Path right = dir.resolve("smtp.pw");
            Files.writeString(right, SECRET + "\n");
            CliRun set = notifySettings(ws, "--host", "127.0.0.1", "--port", String.valueOf(smtp.port()), "--security",
                    "none", "--from", "mailmigrator@example.org", "--login", LOGIN, "--smtp-password-file", right.toString());
            assertEquals(0, set.code(), set.toString());
            assertTrue(set.err().contains("--allow-plaintext"), "the plaintext caveat is told: " + set);
            CliRun shown = notifySettings(ws);
            assertTrue(shown.out().contains("127.0.0.1:" + smtp.port() + " none, from mailmigrator@example.org, login "
                    + LOGIN + ", password encrypted in"), shown.toString());
            String settings = Files.readString(SmtpSettings.file(new Workspace(ws)));
            assertTrue(settings.contains("smtp.login=" + LOGIN), settings);
            assertNoPasswordInClear(ws);

            // TLS to the IMAP servers (pinned), but the SMTP server has none: AUTH is refused, the run is not
            CliRun refused = CliRun.of("batch", "run", "auth", "--workspace", ws.toString(), "--trust-sha256",
                    src.certificateSha256(), "--trust-sha256", dst.certificateSha256());
            assertEquals(0, refused.code(), refused.toString());
            assertEquals(1, occurrences(refused.err(), "refused over a plaintext connection"), refused.toString());
            assertTrue(refused.err().contains("SMTP server 127.0.0.1:" + smtp.port() + ": SMTP AUTH as " + LOGIN)
                    && refused.err().contains("--allow-plaintext"), refused.toString());
            assertEquals(0, smtp.received().size(), "no mail without AUTH");

            CliRun sent = CliRun.of("batch", "run", "auth", "--delta", "--workspace", ws.toString(), "--allow-plaintext");
            assertEquals(0, sent.code(), sent.toString());
            assertFalse(sent.err().contains("not sent"), sent.toString());
            List<String> subjects = subjects(smtp.received());
            assertEquals(List.of("[mailmigrator] batch auth started", "[mailmigrator] batch auth finished: 0 failure(s)"),
                    subjects, smtp.log());
            assertTrue(smtp.log().contains("ok"), smtp.log());

            Path wrong = dir.resolve("wrong.pw");
            Files.writeString(wrong, "not-the-S3cret\n");
            assertEquals(0, notifySettings(ws, "--smtp-password-file", wrong.toString()).code());
            CliRun denied = CliRun.of("batch", "run", "auth", "--delta", "--workspace", ws.toString(), "--allow-plaintext");
            assertEquals(0, denied.code(), "a refused SMTP login never fails the batch: " + denied);
            assertEquals(1, occurrences(denied.err(), "SMTP server 127.0.0.1:" + smtp.port() + " refused the login "
                    + LOGIN + " (wrong password?)"), denied.toString());
            assertEquals(2, smtp.received().size(), "nothing more arrived: " + smtp.log());
            assertNoPasswordInClear(ws);
        }
    }

    @Test
    void anUntrustedStarttlsCertificateIsSaidOnceAndNoPasswordIsSent(@TempDir Path dir) throws Exception {
        try (Dovecot src = Dovecot.start(Dovecot.Layout.SLASH);
                Dovecot dst = Dovecot.start(Dovecot.Layout.SLASH);
                SmtpServer smtp = SmtpServer.startWithAuth(dir, LOGIN, SECRET, true)) {
            Path ws = importBatch(dir, src, dst);
            Path right = dir.resolve("smtp.pw");
            Files.writeString(right, SECRET + "\n");
            CliRun set = notifySettings(ws, "--host", "127.0.0.1", "--port", String.valueOf(smtp.port()), "--security",
                    "starttls", "--login", LOGIN, "--smtp-password-file", right.toString());
            assertEquals(0, set.code(), set.toString());
            assertEquals("", set.err(), "no plaintext caveat with starttls");
            CliRun run = CliRun.of("batch", "run", "auth", "--workspace", ws.toString(), "--trust-sha256",
                    src.certificateSha256(), "--trust-sha256", dst.certificateSha256());
            assertEquals(0, run.code(), run.toString());
            assertEquals(1, occurrences(run.err(), "SMTP server 127.0.0.1:" + smtp.port()
                    + ": its certificate is not trusted by the Java trust store"), run.toString());
            assertEquals(0, smtp.received().size());
            assertFalse(smtp.log().contains("AUTH"), "the password never reached the server: " + smtp.log());
        }
    }

    @Test
    void badSettingsAreNamed(@TempDir Path dir) throws Exception {
        String ws = dir.resolve("ws").toString();
        CliRun noHost = notifySettings(Path.of(ws), "--login", LOGIN);
        assertEquals(2, noHost.code(), noHost.toString());
        assertTrue(noHost.err().contains("no SMTP server is set: give --host HOST"), noHost.toString());
        CliRun security = notifySettings(Path.of(ws), "--host", "smtp.example.org", "--security", "ssl");
        assertEquals(2, security.code(), security.toString());
        assertTrue(security.err().contains("--security ssl: must be starttls, tls or none"), security.toString());
        Path empty = dir.resolve("empty.pw");
        Files.writeString(empty, "");
        CliRun noPassword = notifySettings(Path.of(ws), "--host", "smtp.example.org", "--login", LOGIN,
                "--smtp-password-file", empty.toString());
        assertEquals(2, noPassword.code(), noPassword.toString());
        assertTrue(noPassword.err().contains("--smtp-password-file " + empty + " is empty"), noPassword.toString());
        CliRun tls = notifySettings(Path.of(ws), "--host", "smtp.example.org", "--security", "tls");
        assertEquals(0, tls.code(), tls.toString());
        assertTrue(tls.out().contains("smtp.example.org:465 tls, from mailmigrator@localhost, no login"), tls.toString());
    }

    /** A one-row batch from {@code src} to {@code dst} that notifies admin@example.org; its workspace. */
    private static Path importBatch(Path dir, Dovecot src, Dovecot dst) throws Exception {
        Mailboxes.fill(src, "a1", 3, 21, 0);
        Path csv = dir.resolve("auth.csv");
        Files.writeString(csv, "EmailAddress,UserName,Password\na1@example.org,a1,testpass\n");
        Path pw = dir.resolve("admin.pw");
        Files.writeString(pw, "testpass\n");
        Path ws = dir.resolve("ws");
        CliRun imported = CliRun.of("batch", "import", csv.toString(), "--workspace", ws.toString(), "--name", "auth",
                "--source-server", "imap://127.0.0.1:" + src.imapPort(), "--destination-server",
                "imap://127.0.0.1:" + dst.imapPort(), "--destination-password-file", pw.toString(), "--notify",
                "admin@example.org");
        assertEquals(0, imported.code(), imported.toString());
        return ws;
    }

    private static CliRun notifySettings(Path ws, String... options) {
        List<String> args = CliRun.args("batch", "notify-settings", "--workspace", ws.toString());
        args.addAll(List.of(options));
        return CliRun.of(args);
    }

    private static void assertNoPasswordInClear(Path ws) throws Exception {
        try (Stream<Path> files = Files.walk(ws)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(SECRET) || text.contains("not-the-S3cret"), "a password in clear in " + f);
            }
        }
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static List<String> subjects(List<MimeMessage> mails) {
        return mails.stream().map(m -> {
            try {
                return m.getSubject();
            } catch (Exception e) {
                return e.toString();
            }
        }).toList();
    }
}
