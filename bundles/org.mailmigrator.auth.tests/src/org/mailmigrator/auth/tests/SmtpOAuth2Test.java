package org.mailmigrator.auth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.auth.SignIns;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.notify.MailNotifier;
import org.mailmigrator.batch.notify.SmtpSettings;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.testing.MockOAuth2Server;

/**
 * Batch notifications through an SMTP server that only takes SASL XOAUTH2 (Python's aiosmtpd, as run-tests.sh
 * installs it, with an {@code auth_XOAUTH2} handler): the server asks the authorization server's introspection
 * endpoint (RFC 7662) whether the token is active and whose it is, and refuses otherwise. The notifier signs in with
 * a service account key (no password anywhere).
 */
class SmtpOAuth2Test {
    private static final String SERVER = """
            import base64, collections, json, sys, threading, urllib.parse, urllib.request
            from aiosmtpd.controller import Controller
            from aiosmtpd.handlers import Mailbox
            from aiosmtpd.smtp import SMTP, AuthResult

            SMTP.command_size_limit = 8192  # a JWT is longer than the 512 bytes of RFC 5321's command line
            SMTP.command_size_limits = collections.defaultdict(lambda: 8192)
            SMTP.line_length_limit = 8192

            host, port, maildir, user, introspect = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]

            class Handler(Mailbox):
                async def auth_XOAUTH2(self, server, args):
                    if len(args) > 1:  # ["XOAUTH2", initial response]
                        blob = args[1]
                    else:
                        blob = await server.challenge_auth("", encode_to_b64=False)
                        if blob is None:
                            return AuthResult(success=False, handled=False)
                    text = base64.b64decode(blob).decode()
                    fields = dict(f.split("=", 1) for f in text.split("\\x01") if "=" in f)
                    token = fields.get("auth", "")[len("Bearer "):]
                    body = urllib.parse.urlencode({"token": token}).encode()
                    request = urllib.request.Request(introspect, body, {"Authorization": "Basic "
                                                       + base64.b64encode(b"smtp-server:secret").decode()})
                    answer = json.loads(urllib.request.urlopen(request).read())
                    ok = fields.get("user") == user and answer.get("active") is True and answer.get("sub") == user
                    print("AUTH XOAUTH2", "ok" if ok else "refused", flush=True)
                    return AuthResult(success=ok, handled=False, auth_data=user if ok else None)

            Controller(Handler(maildir), hostname=host, port=port, auth_required=True, auth_require_tls=False).start()
            threading.Event().wait()
            """;

    @Test
    void notificationsSignInWithXoauth2FromAServiceAccountKey(@TempDir Path dir) throws Exception {
        try (OAuth2Servers servers = OAuth2Servers.start()) {
            String user = "notify@example.org";
            int port;
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress("127.0.0.1", 0));
                port = s.getLocalPort();
            }
            Path maildir = dir.resolve("maildir");
            Path script = Files.writeString(dir.resolve("smtp_xoauth2.py"), SERVER);
            Path log = dir.resolve("smtp.log");
            Process smtp = new ProcessBuilder("/usr/bin/python3", script.toString(), "127.0.0.1", String.valueOf(port),
                    maildir.toString(), user, servers.auth.issuer("default") + "/introspect").redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            try {
                awaitPort(smtp, port, log);
                Path key = servers.serviceAccountKey(dir, "default");
                var tokens = SignIns.tokens(Secret.of(Files.readString(key)), user, List.of("https://mail.google.com/"),
                        "the SMTP key", Clock.systemUTC());
                List<String> problems = new CopyOnWriteArrayList<>();
                var settings = new SmtpSettings("127.0.0.1", port, "none", "mailmigrator@example.org", Optional.of(user));
                try (MailNotifier n = new MailNotifier(settings, tokens, true, "ops@example.org", problems::add)) {
                    n.batchStarted(new BatchSpec("google", List.of(), 2, 3, Optional.of("ops@example.org"),
                            Optional.empty(), Instant.now(), Map.of()));
                }
                assertEquals(List.of(), problems, Files.readString(log));
                String logText = Files.readString(log);
                assertTrue(logText.contains("AUTH XOAUTH2 ok") && !logText.contains("refused"), logText);
                try (Stream<Path> mails = Files.walk(maildir.resolve("new"))) {
                    List<Path> got = mails.filter(Files::isRegularFile).toList();
                    assertEquals(1, got.size(), "one notification delivered");
                    String mail = Files.readString(got.get(0));
                    assertTrue(mail.contains("batch google started"), mail);
                    assertFalse(mail.contains("eyJ"), "no token in the mail");
                }

                // a key of another user: the server refuses, the notifier renews once, then stops with a message
                var wrong = SignIns.tokens(Secret.of(Files.readString(key)), "other@example.org",
                        List.of("https://mail.google.com/"), "the SMTP key", Clock.systemUTC());
                List<String> refused = new CopyOnWriteArrayList<>();
                try (MailNotifier n = new MailNotifier(new SmtpSettings("127.0.0.1", port, "none", "m@example.org",
                        Optional.of("other@example.org")), wrong, true, "ops@example.org", refused::add)) {
                    n.batchStarted(new BatchSpec("google", List.of(), 2, 3, Optional.of("ops@example.org"),
                            Optional.empty(), Instant.now(), Map.of()));
                }
                assertEquals(1, refused.size(), refused.toString());
                assertTrue(refused.get(0).contains("refused the login other@example.org") && !refused.get(0).contains("eyJ"),
                        refused.get(0));
                assertEquals(3, Files.readString(log).split("AUTH XOAUTH2 refused", -1).length,
                        "the refused token was renewed once: " + Files.readString(log));

                // a batch run: notify-settings stores the key sealed as the SMTP secret, smtp.auth=xoauth2 says what it is
                Path ws = dir.resolve("workspace");
                String oauth = "imap://127.0.0.1:" + servers.oauthImap.imapPort();
                Path csv = Files.writeString(dir.resolve("one.csv"), "source.server,source.login,source.auth,"
                        + "source.serviceaccount,destination.server,destination.login,destination.auth,"
                        + "destination.serviceaccount\n" + oauth + ",n1@example.org,xoauth2," + key + "," + oauth
                        + ",n1-new@example.org,xoauth2," + key + "\n");
                servers.cli(List.of("batch", "import", csv.toString(), "--name", "notified", "--format", "native", "--notify",
                        "ops@example.org", "--workspace", ws.toString()), 0);
                // the key as Google downloads it, over several lines: --smtp-auth xoauth2 reads the whole file
                Path pretty = Files.writeString(dir.resolve("key-pretty.json"), Files.readString(key).replaceAll(",\\s*\"", ",\n  \""));
                assertTrue(Files.readAllLines(pretty).size() > 3);
                String saved = servers.cli(List.of("batch", "notify-settings", "--workspace", ws.toString(), "--host", "127.0.0.1", "--port",
                        String.valueOf(port), "--security", "none", "--from", "mailmigrator@example.org", "--login", user,
                        "--smtp-auth", "xoauth2", "--smtp-password-file", pretty.toString()), 0);
                assertTrue(saved.contains("OAuth2 (XOAUTH2) secret encrypted"), saved);
                Path prefs = SmtpSettings.file(new org.mailmigrator.batch.Workspace(ws));
                assertTrue(Files.readString(prefs).contains("smtp.auth=xoauth2"), Files.readString(prefs));
                String ran = servers.cli(List.of("batch", "run", "notified", "--workspace", ws.toString(), "--allow-plaintext"), 0);
                assertFalse(ran.contains("not sent") || ran.contains("eyJ"), ran);
                try (Stream<Path> mails = Files.walk(maildir.resolve("new"))) {
                    assertEquals(3, mails.filter(Files::isRegularFile).count(), "started and finished of the batch run: "
                            + ran + Files.readString(log));
                }
            } finally {
                smtp.destroy();
            }
        }
    }

    private static void awaitPort(Process p, int port, Path log) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (!p.isAlive()) {
                throw new AssertionError("aiosmtpd did not start: " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("aiosmtpd did not listen: " + Files.readString(log));
    }
}
