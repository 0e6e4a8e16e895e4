package org.mailmigrator.auth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.cli.Cli;

/**
 * The OAuth2 cells of batch files, without servers: imapsync's --authmech/--oauthaccesstoken read (an empty
 * password cell accepted), the sign-in kept with the row (exported) and the token sealed (never in the export or
 * the workspace); a service account cell that
 * names something else is refused naming the file, never quoting its content.
 */
class OAuthCsvImportTest {

    private static String[] run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] { Integer.toString(code), out + "\n" + err };
    }

    @Test
    void imapsyncOAuthOptionsAreReadAndTheTokenIsSealed(@TempDir Path dir) throws Exception {
        String token = "ya29.a0-test-token-4f1c";
        Path file = dir.resolve("file.txt");
        Files.writeString(file, "imap.gmail.com;alice@example.com;;mail.example.net;alice;secret2;"
                + "--ssl1 --authmech1 XOAUTH2 --oauthaccesstoken1 " + token + "\n");
        Path ws = dir.resolve("ws");
        String[] imported = run("batch", "import", file.toString(), "--name", "g", "--format", "imapsync", "--workspace",
                ws.toString());
        assertEquals("0", imported[0], imported[1]);
        Path csv = dir.resolve("export.csv");
        String[] exported = run("batch", "export", "g", csv.toString(), "--workspace", ws.toString());
        String text = Files.exists(csv) ? Files.readString(csv) : exported[1];
        assertTrue(text.contains("alice@example.com") && text.contains("source.auth") && text.contains(",xoauth2,"),
                "the row was imported with its sign-in: " + text);
        assertFalse(text.contains(token) || imported[1].contains(token), "the token is never written out: " + text);
        try (var files = Files.walk(ws)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains(token), "the token must be sealed: " + f);
            }
        }
    }

    @Test
    void aServiceAccountCellThatIsNotAKeyIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path notKey = dir.resolve("notes.json");
        Files.writeString(notKey, "{\"type\": \"authorized_user\", \"client_id\": \"c\", \"refresh_token\": \"rt-canary-77\"}");
        Path csv = dir.resolve("rows.csv");
        Files.writeString(csv, "source.server,source.login,source.serviceaccount,destination.server,destination.login,"
                + "destination.password\nimaps://imap.gmail.com,alice@example.com," + notKey
                + ",imaps://mail.example.net,alice,pw\n");
        String[] r = run("batch", "import", csv.toString(), "--name", "bad", "--format", "native", "--workspace",
                dir.resolve("ws").toString());
        assertEquals("1", r[0], r[1]); // the CSV has problems: nothing imported
        assertTrue(r[1].contains("notes.json") && r[1].contains("not a service account"), r[1]);
        assertFalse(r[1].contains("rt-canary-77"), r[1]);
    }
}
