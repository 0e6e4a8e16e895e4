package org.mailmigrator.auth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Google Workspace style batch: three mailboxes, both sides signing in through one service account key
 * (JWT-bearer grants with sub = each mailbox) against the authorization server and Dovecot's oauth2 passdb. No
 * password exists anywhere; the workspace and the output hold neither the key nor a token.
 */
class ServiceAccountBatchTest {
    @AutoClose
    private static OAuth2Servers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = OAuth2Servers.start();
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
            output.add(servers.fillThroughKey(dir, "seed" + i, i + 2, u, key));
            csv.append(oauth).append(',').append(u).append(",xoauth2,").append(key).append(',').append(oauth).append(',')
                    .append(u.replace("@", "-new@")).append(",oauthbearer,").append(key).append('\n');
        }
        Path file = dir.resolve("workspace-users.csv");
        Files.writeString(file, csv);
        Path workspace = dir.resolve("workspace");
        output.add(servers.cli(List.of("batch", "import", file.toString(), "--name", "google", "--format", "native",
                "--workspace", workspace.toString()), 0));
        output.add(servers.cli(List.of("batch", "run", "google", "--allow-plaintext", "--workspace", workspace.toString()), 0));
        for (int i = 0; i < users.size(); i++) {
            assertEquals(i + 2, OAuth2Servers.count(servers.oauthImap.dovecot(), users.get(i).replace("@", "-new@")));
        }
        // neither the key nor a token in the workspace or the output: the key is sealed like a password
        OAuth2Servers.assertNoKeyOrToken(key, output, workspace);
    }
}
