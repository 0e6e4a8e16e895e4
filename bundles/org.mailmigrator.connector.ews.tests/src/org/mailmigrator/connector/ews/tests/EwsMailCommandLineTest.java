package org.mailmigrator.connector.ews.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.cli.Cli;
import org.mailmigrator.testing.Dovecot;

/** {@code migrate --source imap://... --target ews+http://...} takes the mail path, into the EWS PROTOCOL FAKE. */
class EwsMailCommandLineTest extends DovecotIntoEws {
    @TempDir
    Path dir;

    @Test
    void migrateCopiesMailIntoExchangeAndASecondRunCopiesNothing() throws Exception {
        List<MailCorpus.Mail> mails = MailCorpus.standard();
        MailCorpus.load(dovecot, "cli", mails);
        String[] out = new String[2];
        assertEquals(0, migrate("cli", EwsRun.PASSWORD, out), out[1]);
        assertTrue(out[0].contains("copied           " + mails.size() + " message(s)"), out[0]);
        assertEquals(mails.size(), fake.mail.messages.size());
        assertEquals(EwsMailRun.mimeOf(mails, "Work/Projects"), EwsMailRun.mimeIn(fake, "Work/Projects"));

        assertEquals(0, migrate("cli", EwsRun.PASSWORD, out), out[1]);
        assertTrue(out[0].contains("copied           0 message(s)"), out[0]);
        assertTrue(out[0].contains("already present  " + mails.size()), out[0]);
        assertEquals(mails.size(), fake.mail.messages.size());
        assertEquals(List.of(), fake.violations);
    }

    @Test
    void aWrongExchangePasswordExitsWithTheLoginCode() throws Exception {
        MailCorpus.load(dovecot, "cli-pw", MailCorpus.standard().subList(0, 1));
        String[] out = new String[2];
        assertEquals(4, migrate("cli-pw", "wrong", out), out[0] + out[1]);
        assertTrue(out[1].contains("Exchange refused the login 'alice@example.org' (HTTP 401)"), out[1]);
        assertTrue(fake.mail.messages.isEmpty());
    }

    @Test
    void aBatchRowWithAnEwsDestinationMigratesMail() throws Exception {
        List<MailCorpus.Mail> mails = MailCorpus.standard();
        MailCorpus.load(dovecot, "row", mails);
        Path file = Files.writeString(dir.resolve("rows.csv"), "source.server,source.login,source.password,destination.server,"
                + "destination.login,destination.password\nimap://127.0.0.1:" + dovecot.imapPort() + ",row," + Dovecot.PASSWORD
                + "," + fake.url() + "," + EwsRun.LOGIN + "," + EwsRun.PASSWORD + "\n");
        for (int run = 0; run < 2; run++) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            List<String> args = new java.util.ArrayList<>(List.of("batch", "run", run == 0 ? file.toString() : "rows", "--workspace",
                    dir.resolve("ws").toString(), "--allow-plaintext"));
            if (run == 1) {
                args.add("--delta"); // a synced migration runs again only when asked
            }
            int code = Cli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
            assertEquals(0, code, out + "\n" + err);
            assertEquals(mails.size(), fake.mail.messages.size(), "run " + run + ": every message once");
        }
        assertEquals(EwsMailRun.mimeOf(mails, "INBOX"), EwsMailRun.mimeIn(fake, "Inbox"));
        assertEquals(List.of(), fake.violations);
    }

    @Test
    void aBatchRowCarriesMailCalendarAndContactsIntoOneExchangeMailbox() throws Exception {
        List<MailCorpus.Mail> mails = MailCorpus.standard();
        MailCorpus.load(dovecot, "legs", mails);
        String ews = fake.url() + "," + EwsRun.LOGIN + "," + EwsRun.PASSWORD;
        String target = "ews+" + fake.url().replace("http://", "http://alice%40example.org@");
        Path file = Files.writeString(dir.resolve("legs.csv"), "source.server,source.login,source.password,destination.server,"
                + "destination.login,destination.password,calendar.source,calendar.target,calendar.password,"
                + "contacts.source,contacts.target,contacts.password\n"
                + "imap://127.0.0.1:" + dovecot.imapPort() + ",legs," + Dovecot.PASSWORD + "," + ews + ","
                + EwsRun.corpus("google") + "," + target + "," + EwsRun.PASSWORD + ","
                + EwsRun.corpus("vcf").resolve("outlook-21-latin1.vcf") + "," + target + "," + EwsRun.PASSWORD + "\n");
        for (int run = 0; run < 2; run++) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            List<String> args = new java.util.ArrayList<>(List.of("batch", "run", run == 0 ? file.toString() : "legs",
                    "--workspace", dir.resolve("ws").toString(), "--allow-plaintext"));
            if (run == 1) {
                args.add("--delta");
            }
            int code = Cli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
            assertEquals(0, code, out + "\n" + err);
            assertEquals(mails.size(), fake.mail.messages.size(), "run " + run + ": every message once");
            assertEquals(2, fake.mailbox.items("CalendarItem").size(), "run " + run + ": both Google calendars' events once");
            assertEquals(1, fake.mailbox.items("Contact").size(), "run " + run + ": the card once");
        }
        assertEquals("Dr. Jürgen Müller", fake.mailbox.items("Contact").get(0).field("DisplayName"), "vCard 2.1 Latin-1 decoded");
        assertEquals(List.of(), fake.violations);
    }

    private int migrate(String user, String exchangePassword, String[] output) throws Exception {
        Path src = Files.writeString(dir.resolve("src-pw"), Dovecot.PASSWORD + "\n");
        Path dst = Files.writeString(dir.resolve("dst-pw"), exchangePassword + "\n");
        String target = "ews+" + fake.url().replace("http://", "http://alice%40example.org@");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] { "migrate", "--source", "imap://" + user + "@" + Dovecot.HOST + ":" + dovecot.imapPort(),
            "--target", target, "--allow-plaintext", "--source-password-file", src.toString(), "--target-password-file",
            dst.toString(), "--state", dir.resolve("state").toString() }, new PrintWriter(out), new PrintWriter(err));
        output[0] = out.toString();
        output[1] = err.toString();
        return code;
    }
}
