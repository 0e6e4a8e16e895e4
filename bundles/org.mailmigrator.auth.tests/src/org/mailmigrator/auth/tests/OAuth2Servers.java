package org.mailmigrator.auth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.mailmigrator.cli.Cli;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.MockOAuth2Server;
import org.mailmigrator.testing.OAuth2TestServers;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The servers of the OAuth2 tests ({@link OAuth2TestServers}), started once per test class, trusting the keys of the
 * default and the {@link MockOAuth2Server#SHORT short-lived} issuers; seeds the password Dovecot over IMAP, and
 * holds what the batch tests that sign in with a service account key share: run the CLI, fill a mailbox of the
 * OAuth2 Dovecot through the key, check that neither the key nor a token leaked.
 */
final class OAuth2Servers extends OAuth2TestServers {
    /** The client id of the interactive sign-in; Dovecot looks keys up under the token's azp. */
    static final String CLIENT = "mailmigrator-test";

    private OAuth2Servers() throws Exception {
        super(CLIENT, List.of("default", MockOAuth2Server.SHORT));
    }

    static OAuth2Servers start() throws Exception {
        return new OAuth2Servers();
    }

    /** Puts {@code n} small messages into a user's INBOX on the password Dovecot. */
    void seed(String user, int n) throws Exception {
        Properties p = new Properties();
        Session session = Session.getInstance(p);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(org.eclipse.angus.mail.imap.IMAPStore.class.getClassLoader());
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", passwordImap.imapPort(), user, Dovecot.PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            Message[] msgs = new Message[n];
            for (int i = 0; i < n; i++) {
                MimeMessage m = new MimeMessage(session);
                m.setFrom(new InternetAddress("sender@example.org"));
                m.setSubject("OAuth2 test " + i);
                m.setText("message " + i + " of " + user);
                m.setSentDate(new java.util.Date(1_700_000_000_000L + i * 60_000L));
                msgs[i] = m;
            }
            inbox.appendMessages(msgs);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * Runs the command line and asserts its exit code; a failure names the command, its output, the pass report of
     * its {@code --report} folder if any and the OAuth2 Dovecot's log. Returns the output.
     */
    String cli(List<String> args, int expected) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Cli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        String all = out + "\n" + err;
        if (code != expected) {
            String report = "";
            int at = args.indexOf("--report");
            if (at >= 0) {
                try {
                    report = Files.readString(Path.of(args.get(at + 1), "migrations.csv"));
                } catch (IOException e) {
                    report = e.getMessage();
                }
            }
            assertEquals(expected, code, String.join(" ", args) + "\n" + all + "\n" + report + "\n" + oauthImap.log());
        }
        return all;
    }

    /**
     * Fills {@code user}'s INBOX on the OAuth2 Dovecot with {@code n} messages, put on the password Dovecot as
     * {@code seedUser} and migrated with {@code migrate}, signing in to the OAuth2 side through the key. Returns the
     * output.
     */
    String fillThroughKey(Path dir, String seedUser, int n, String user, Path key) throws Exception {
        seed(seedUser, n);
        Path pw = Files.writeString(dir.resolve("pw"), Dovecot.PASSWORD);
        try {
            return cli(List.of("migrate", "--source", "imap://" + seedUser + "@127.0.0.1:" + passwordImap.imapPort(),
                    "--source-password-file", pw.toString(), "--target", "imap://" + user.replace("@", "%40")
                            + "@127.0.0.1:" + oauthImap.imapPort(), "--target-service-account", key.toString(),
                    "--allow-plaintext", "--state", dir.resolve("seed-state").toString()), 0);
        } finally {
            Files.delete(pw);
        }
    }

    /** Neither the key nor a token (a JWT: {@code eyJ...}) in the output or in any file of the workspace. */
    static void assertNoKeyOrToken(Path key, List<String> output, Path workspace) throws IOException {
        String keyText = Files.readString(key);
        String keyPart = keyText.substring(keyText.indexOf("PRIVATE KEY-----") + 20).substring(0, 40);
        for (String o : output) {
            assertFalse(o.contains(keyPart) || o.contains("eyJ"), "no key or token in the output: " + o);
        }
        try (Stream<Path> files = Files.walk(workspace)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(keyPart), "the key must be sealed: " + f);
                assertFalse(text.contains("eyJ"), "no token in " + f);
                assertFalse(text.contains("BEGIN PRIVATE KEY"), "the key must be sealed: " + f);
            }
        }
    }
}
