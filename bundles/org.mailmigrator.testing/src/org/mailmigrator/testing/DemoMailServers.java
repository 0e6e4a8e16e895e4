package org.mailmigrator.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Two private Dovecots for screenshots and demonstrations ({@code releng/screenshots.sh}): an old host with
 * Courier-style names ({@code INBOX.} prefix, {@code .} separator, Outlook-style folder names) and a new host
 * with {@code /} and the special-use folders, so the folder mapping preview has renames of every kind. Writes
 * "SOURCE_PORT DESTINATION_PORT" to the file given, then runs until stopped.
 */
public final class DemoMailServers {
    private DemoMailServers() {
    }

    public static void main(String[] args) throws Exception {
        Dovecot source = Dovecot.start(Dovecot.Layout.INBOX_PREFIX, 0, false);
        Dovecot destination = Dovecot.start(Dovecot.Layout.SLASH, 0, false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            source.close();
            destination.close();
        }));
        try {
            for (String f : new String[] { "INBOX.Sent Items", "INBOX.Deleted Items", "INBOX.Drafts", "INBOX.Spam",
                    "INBOX.Projects", "INBOX.Projects.2024", "INBOX.Clients", "INBOX.Clients.Société Générale",
                    "INBOX.Archives 2019" }) {
                source.doveadm("mailbox", "create", "-u", "alice", f);
            }
            for (String f : new String[] { "Sent", "Trash", "Drafts", "Junk", "Archive" }) {
                destination.doveadm("mailbox", "create", "-u", "alice.new", f);
            }
            Files.writeString(Path.of(args[0]), source.imapPort() + " " + destination.imapPort() + "\n",
                    StandardCharsets.UTF_8);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);  // the shutdown hook stops both servers
        }
        Thread.currentThread().join();
    }
}
