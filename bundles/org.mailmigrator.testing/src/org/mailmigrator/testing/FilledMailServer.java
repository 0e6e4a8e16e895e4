package org.mailmigrator.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * One private Dovecot (IMAP on loopback, {@code /} layout; with a fifth argument {@code tls}, STARTTLS and a
 * self-signed certificate, as for the certificate question's screenshot) whose users {@code src0 … srcN-1} each hold
 * {@code COUNT} generated messages of about {@code SIZE} bytes with unique Message-IDs, for scripts that run the
 * product against real mail ({@code releng/scripts/sigterm.sh}). Writes "PORT SERVER_DIR" to the file given
 * (destination users' mail is under {@code SERVER_DIR/home/USER/Maildir}), then runs until stopped.
 * Arguments: PORTFILE USERS COUNT SIZE [tls].
 */
public final class FilledMailServer {
    private FilledMailServer() {
    }

    public static void main(String[] args) throws Exception {
        int users = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        int size = Integer.parseInt(args[3]);
        Dovecot server = Dovecot.start(Dovecot.Layout.SLASH, 0, args.length > 4 && args[4].equals("tls"));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        try {
            Random random = new Random(42);
            for (int u = 0; u < users; u++) {
                // a Maildir of generated messages, imported by doveadm as the server's own user
                Path maildir = server.directory().resolve("import/src" + u);
                for (String sub : new String[] { "cur", "new", "tmp" }) {
                    Files.createDirectories(maildir.resolve(sub));
                }
                for (int i = 0; i < count; i++) {
                    String head = "From: sender" + i + "@example.org\r\nTo: src" + u + "@example.net\r\nSubject: message " + i
                            + " of src" + u + "\r\nMessage-ID: <" + u + "." + i + ".sigterm@example.org>\r\n"
                            + "Date: Mon, 1 Jan 2024 10:00:00 +0000\r\n\r\n";
                    StringBuilder body = new StringBuilder(size);
                    while (body.length() < size) {
                        body.append(Long.toString(random.nextLong(), 36)).append(body.length() % 70 < 14 ? "\r\n" : " ");
                    }
                    Files.writeString(maildir.resolve("cur/" + (1_700_000_000L + i) + ".m" + i + ".gen:2,S"),
                            head + body + "\r\n", StandardCharsets.US_ASCII);
                }
                // doveadm, run as the server's user, keeps its index beside the messages it imports
                for (String sub : new String[] { "", "cur", "new", "tmp" }) {
                    maildir.resolve(sub).toFile().setWritable(true, false);
                }
                server.doveadm("import", "-u", "src" + u, "maildir:" + maildir, "", "all");
                String status = server.doveadm("mailbox", "status", "-u", "src" + u, "messages", "INBOX");
                if (!status.trim().equals("INBOX messages=" + count)) {
                    throw new IllegalStateException("src" + u + " holds " + status.trim() + ", not " + count);
                }
            }
            Files.writeString(Path.of(args[0]), server.imapPort() + " " + server.directory() + "\n", StandardCharsets.UTF_8);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);  // the shutdown hook stops the server
        }
        Thread.currentThread().join();
    }
}
