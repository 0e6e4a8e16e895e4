package org.mailmigrator.connector.imap.tests;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.mailmigrator.testing.ImapServer;

/**
 * A client that never sends {@code ENABLE UTF8=ACCEPT} (mbsync, most mail clients): logs in and lists every
 * folder on a raw socket. Courier drops such a client's LIST when a folder name cannot be given to it.
 */
final class LegacyList {
    private LegacyList() {
    }

    static boolean lists(ImapServer server, String user) throws Exception {
        try (Socket socket = new Socket(server.host(), server.imapPort())) {
            socket.setSoTimeout(10_000);
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            in.readLine();
            out.write(("a LOGIN " + user + " " + server.password() + "\r\n").getBytes(StandardCharsets.US_ASCII));
            String line;
            while ((line = in.readLine()) != null && !line.startsWith("a ")) {
                // capability and other untagged lines
            }
            if (line == null || !line.startsWith("a OK")) {
                return false;
            }
            out.write("b LIST \"\" \"*\"\r\n".getBytes(StandardCharsets.US_ASCII));
            while ((line = in.readLine()) != null) {
                if (line.startsWith("b ")) {
                    return line.startsWith("b OK");
                }
            }
            return false;
        }
    }
}
