package org.mailmigrator.connector.dav.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mailmigrator.cli.Cli;
import org.mailmigrator.testing.Radicale;

/** {@code mailmigrator migrate} with .ics/.vcf sources and caldav+/carddav+ targets, against a real Radicale. */
class MigrateCommandPimTest extends AgainstRadicale {
    Path password;

    @BeforeEach
    void writePassword() throws Exception {
        password = Files.writeString(dir.resolve("pw"), Radicale.PASSWORD + "\n");
    }

    private record Run(int code, String out, String err) {
    }

    private Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Run migrate(Path source, String target, Path pw) {
        return cli("migrate", "--source", source.toString(), "--target", target, "--allow-plaintext",
                "--target-password-file", pw.toString(), "--state", dir.resolve("state").toString());
    }

    @Test
    void calendarsThenContactsThenASecondRunThatCreatesNothing() {
        String caldav = "caldav+http://alice@127.0.0.1:" + server.port() + "/";
        Run first = migrate(Corpus.dir("ics"), caldav, password);
        assertEquals(6, first.code(), "malformed items make exit code 6: " + first.err());
        assertTrue(first.out().contains("created 13, updated 0, unchanged 0, failed 3, with notes "), first.out());
        long noted = first.out().lines().filter(l -> l.startsWith("note: ")).map(l -> l.substring(6, l.indexOf(": ", 6)))
                .distinct().count();
        assertTrue(first.out().contains("failed 3, with notes " + noted + "\n"), "the summary counts the items the notes"
                + " name: " + first.out());
        assertTrue(first.err().contains("malformed.ics:11: UID bad-date@corpus.test"), first.err());

        String json = cli("migrate", "--source", Corpus.dir("ics").toString(), "--target", caldav, "--allow-plaintext",
                "--target-password-file", password.toString(), "--state", dir.resolve("state").toString(), "--report",
                dir.resolve("report.json").toString()).code() == 6 ? read(dir.resolve("report.json")) : "";
        assertTrue(json.contains("\"unchanged\": 13") && json.contains("\"exitCode\": 6")
                && json.contains("\"item\": \"malformed.ics:11\""), json);

        Run second = migrate(Corpus.dir("ics"), caldav, password);
        assertTrue(second.out().contains("created 0, updated 0, unchanged 13, failed 3"), second.out());

        Run contacts = migrate(Corpus.file("vcf", "google-30.vcf"), "carddav+http://alice@127.0.0.1:" + server.port() + "/", password);
        assertEquals(0, contacts.code(), contacts.err());
        assertTrue(contacts.out().contains("created 3, updated 0, unchanged 0, failed 0"), contacts.out());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aWrongPasswordExitsWithTheAuthenticationCode() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong"), "nope\n");
        Run run = migrate(Corpus.dir("ics"), "caldav+http://alice@127.0.0.1:" + server.port() + "/", wrong);
        assertEquals(4, run.code(), run.err());
        assertTrue(run.err().contains("refused the login 'alice'"), run.err());
    }

    @Test
    void plainHttpWithoutPermissionAndAMissingSourceAreUsageErrors() {
        Run http = cli("migrate", "--source", Corpus.dir("ics").toString(), "--target",
                "caldav+http://alice@127.0.0.1:" + server.port() + "/", "--target-password-file", password.toString());
        assertEquals(2, http.code());
        assertTrue(http.err().contains("http:// only with --allow-plaintext"), http.err());
        Run missing = migrate(dir.resolve("nothing.ics"), "caldav+http://alice@127.0.0.1:" + server.port() + "/", password);
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nothing.ics does not exist"), missing.err());
    }
}
