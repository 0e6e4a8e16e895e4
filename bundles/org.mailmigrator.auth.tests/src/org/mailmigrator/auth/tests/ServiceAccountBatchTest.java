package org.mailmigrator.auth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.cli.Cli;

/**
 * A Google Workspace style batch: three mailboxes, both sides signing in through one service account key
 * (JWT-bearer grants with sub = each mailbox) against the authorization server and Dovecot's oauth2 passdb. No
 * password exists anywhere; the workspace and the output hold neither the key nor a token.
 */
class ServiceAccountBatchTest {
    private static OAuth2Servers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = OAuth2Servers.start();
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    private static String run(List<String> args, int expected) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Cli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        String all = out + "\n" + err;
        assertEquals(expected, code, String.join(" ", args) + "\n" + all + "\n" + servers.oauthImap.log());
        return all;
    }

    @Test
    void threeMailboxesMigrateWithOneServiceAccountKeyAndNoPassword(@TempDir Path dir) throws Exception {
        Path key = servers.serviceAccountKey(dir, "default");
        String oauth = "imap://127.0.0.1:" + servers.oauthImap.imapPort();
        List<String> users = List.of("ws1@example.org", "ws2@example.org", "ws3@example.org");
        StringBuilder csv = new StringBuilder("source.server,source.login,source.auth,source.serviceaccount,"
                + "destination.server,destination.login,destination.auth,destination.serviceaccount\n");
        // the "Google" side filled first (2, 3 and 4 messages), itself through the key
        List<String> output = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            String u = users.get(i);
            servers.seed("seed" + i, i + 2);
            Path pw = dir.resolve("pw");
            Files.writeString(pw, org.mailmigrator.testing.Dovecot.PASSWORD);
            output.add(run(List.of("migrate", "--source", "imap://seed" + i + "@127.0.0.1:" + servers.passwordImap.imapPort(),
                    "--source-password-file", pw.toString(), "--target", "imap://" + u.replace("@", "%40") + "@127.0.0.1:"
                            + servers.oauthImap.imapPort(), "--target-service-account", key.toString(),
                    "--allow-plaintext", "--state", dir.resolve("seed-state").toString()), 0));
            csv.append(oauth).append(',').append(u).append(",xoauth2,").append(key).append(',').append(oauth).append(',')
                    .append(u.replace("@", "-new@")).append(",oauthbearer,").append(key).append('\n');
        }
        Files.delete(dir.resolve("pw"));
        Path file = dir.resolve("workspace-users.csv");
        Files.writeString(file, csv);
        Path workspace = dir.resolve("workspace");
        output.add(run(List.of("batch", "import", file.toString(), "--name", "google", "--format", "native",
                "--workspace", workspace.toString()), 0));
        output.add(run(List.of("batch", "run", "google", "--allow-plaintext", "--workspace", workspace.toString()), 0));
        for (int i = 0; i < users.size(); i++) {
            assertEquals(i + 2, OAuth2Servers.count(servers.oauthImap.dovecot(), users.get(i).replace("@", "-new@")));
        }
        // neither the key nor a token in the workspace or the output: the key is sealed like a password
        String keyText = Files.readString(key);
        String keyPart = keyText.substring(keyText.indexOf("PRIVATE KEY-----") + 20).substring(0, 40);
        for (String o : output) {
            assertFalse(o.contains(keyPart) || o.contains("eyJ"), "no key or token in the output: " + o);
        }
        try (Stream<Path> files = Files.walk(workspace)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = readLoosely(f);
                assertFalse(text.contains(keyPart), "the key must be sealed: " + f);
                assertFalse(text.contains("eyJ"), "no token in " + f);
                assertFalse(text.contains("BEGIN PRIVATE KEY"), "the key must be sealed: " + f);
            }
        }
    }

    private static String readLoosely(Path f) throws IOException {
        return new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
