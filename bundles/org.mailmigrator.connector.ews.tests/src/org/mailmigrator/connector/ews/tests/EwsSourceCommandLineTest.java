package org.mailmigrator.connector.ews.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.cli.Cli;
import org.mailmigrator.testing.Dovecot;

/**
 * Exchange (the EWS PROTOCOL FAKE, every request and answer schema-checked) as the source of the command line:
 * {@code migrate --source ews+http://LOGIN@HOST/EWS/Exchange.asmx}, and batch rows whose one administrator login
 * impersonates each row's mailbox, from the native CSV's {@code source.impersonate} column and from OMM's
 * delegation column.
 */
class EwsSourceCommandLineTest extends ExchangeIntoDovecot {
    @TempDir
    Path dir;

    @Test
    void migrateReadsExchangeAndASecondRunCopiesNothing() throws Exception {
        List<String> expected = new ArrayList<>(ExchangeCorpus.seed(fake));
        expected.sort(null);
        ExchangeCorpus.specialFolders(dovecot, "cli-src");
        Path src = Files.writeString(dir.resolve("src-pw"), EwsRun.PASSWORD + "\n");
        Path dst = Files.writeString(dir.resolve("dst-pw"), Dovecot.PASSWORD + "\n");
        String source = "ews+" + fake.url().replace("http://", "http://alice%40example.org@");
        for (int run = 0; run < 2; run++) {
            String[] out = cli("migrate", "--source", source, "--target", "imap://cli-src@" + Dovecot.HOST + ":"
                    + dovecot.imapPort(), "--allow-plaintext", "--source-password-file", src.toString(),
                    "--target-password-file", dst.toString(), "--state", dir.resolve("state").toString());
            assertEquals("0", out[2], out[0] + out[1]);
            assertTrue(out[0].contains("copied           " + (run == 0 ? expected.size() : 0) + " message(s)"), out[0]);
        }
        assertEquals(expected, ExchangeCorpus.inDovecot(dovecot, "cli-src"));
        assertEquals(Set.of("none"), impersonations(), "a plain login impersonates nobody");
        assertEquals(List.of(), fake.violations);
    }

    @Test
    void aNativeRowImpersonatesItsMailboxWithTheAdministratorLogin() throws Exception {
        List<String> expected = new ArrayList<>(ExchangeCorpus.seed(fake));
        expected.sort(null);
        ExchangeCorpus.specialFolders(dovecot, "row-imp");
        Path file = Files.writeString(dir.resolve("rows.csv"), "source.connector,source.server,source.login,source.password,"
                + "source.impersonate,destination.server,destination.login,destination.password\news," + fake.url() + "," + EwsRun.LOGIN + ","
                + EwsRun.PASSWORD + ",bob@example.org,imap://127.0.0.1:" + dovecot.imapPort() + ",row-imp," + Dovecot.PASSWORD + "\n");
        String[] out = cli("batch", "run", file.toString(), "--workspace", dir.resolve("ws").toString(), "--allow-plaintext");
        assertEquals("0", out[2], out[0] + out[1]);
        assertEquals(expected, ExchangeCorpus.inDovecot(dovecot, "row-imp"));
        assertEquals(Set.of("bob@example.org"), impersonations());
        assertEquals(List.of(), fake.violations);
    }

    @Test
    void anOmmRowWithADelegationColumnImpersonatesTheRowsLogin() throws Exception {
        List<String> expected = new ArrayList<>(ExchangeCorpus.seed(fake));
        expected.sort(null);
        ExchangeCorpus.specialFolders(dovecot, "omm-imp");
        // the administrator alice signs in (her password in the row) for carol's mailbox
        Path file = Files.writeString(dir.resolve("omm.csv"), "Exchange;" + fake.url() + ";carol@example.org;" + EwsRun.PASSWORD
                + ";IMAP;imap://127.0.0.1:" + dovecot.imapPort() + ";omm-imp;" + Dovecot.PASSWORD + ";" + EwsRun.LOGIN + ";\n");
        String[] out = cli("batch", "run", file.toString(), "--workspace", dir.resolve("ws").toString(), "--allow-plaintext");
        assertEquals("0", out[2], out[0] + out[1]);
        assertEquals(expected, ExchangeCorpus.inDovecot(dovecot, "omm-imp"));
        assertEquals(Set.of("carol@example.org"), impersonations());
        assertEquals(List.of(), fake.violations);
    }

    private Set<String> impersonations() {
        return Set.copyOf(fake.impersonated.stream().map(i -> Objects.requireNonNullElse(i, "none")).toList());
    }

    private static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] { out.toString(), err.toString(), String.valueOf(code) };
    }
}
