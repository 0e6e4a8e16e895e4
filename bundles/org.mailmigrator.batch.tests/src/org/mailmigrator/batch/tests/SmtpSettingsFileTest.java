package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.notify.SmtpSettings;

/**
 * The SMTP settings and the sign-in choice share the workspace preferences file with the workbench's other pages:
 * both are read from the same file as written, a missing file means "no server, password sign-in", and writing one
 * keeps what the other pages wrote there.
 */
class SmtpSettingsFileTest {

    @Test
    void settingsAndSignInAreReadFromTheOneFileAndOtherPreferencesStay(@TempDir Path dir) throws Exception {
        Workspace ws = new Workspace(dir.resolve("ws"));
        assertEquals(Optional.empty(), SmtpSettings.load(ws), "no file: no server");
        assertEquals(Optional.empty(), SmtpSettings.auth(ws), "no file: a password");

        Path file = SmtpSettings.file(ws);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "eclipse.preferences.version=1\nbatches.concurrency=7\n", StandardCharsets.ISO_8859_1);
        assertEquals(Optional.empty(), SmtpSettings.load(ws), "no smtp.host: no server");

        SmtpSettings set = new SmtpSettings("smtp.example.org", 587, "starttls", "mm@example.org",
                Optional.of("notify@example.org"));
        set.save(ws);
        SmtpSettings.saveAuth(ws, "xoauth2");
        assertEquals(Optional.of(set), SmtpSettings.load(ws));
        assertEquals(Optional.of("xoauth2"), SmtpSettings.auth(ws));
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("batches.concurrency=7"), "another page's preference stays: " + text);

        SmtpSettings.saveAuth(ws, "password");
        assertEquals(Optional.empty(), SmtpSettings.auth(ws));
        assertEquals(Optional.of(set), SmtpSettings.load(ws), "the server stays when the sign-in changes");
    }
}
