package org.mailmigrator.connector.imap.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Relay;

/**
 * A source server reached through a relay that shows a test each command line the client sends (split into tag,
 * command and the rest), and engine passes from it into a Dovecot destination with one state folder.
 */
final class WatchedSource {
    private WatchedSource() {
    }

    /** A relay to {@code port} handing each client command line, split in three at its first two spaces, to {@code lines}. */
    static Relay relay(int port, Consumer<String[]> lines) throws IOException {
        return Relay.to(port).onOpen(link -> link.up(Relay.copy((b, len, before) -> {
            for (String line : new String(b, 0, len, StandardCharsets.ISO_8859_1).split("\r\n")) {
                lines.accept(line.split(" ", 3));
            }
        }))).start();
    }

    /** Whether a command line's words open a folder (SELECT or EXAMINE). */
    static boolean opens(String[] words) {
        return words.length > 1 && (words[1].equalsIgnoreCase("SELECT") || words[1].equalsIgnoreCase("EXAMINE"));
    }

    static Account account(String host, int port, String user) {
        Map<String, String> s = new HashMap<>(Map.of("host", host, "security", "plain", "login", user,
                "port", String.valueOf(port)));
        return new Account("imap", s, new CredentialRef(user));
    }

    /** One engine pass, its state in {@code dir}; the destination a Dovecot account. */
    static MigrationReport run(Path dir, Account from, Account to, String srcPassword, MigrationSettings settings)
            throws Exception {
        try (StateStore state = StateStore.openEmbedded(dir, "state")) {
            return new MigrationEngine(Pair.factory(from, Role.SOURCE, srcPassword),
                    Pair.factory(to, Role.DESTINATION, Dovecot.PASSWORD), state, settings, MigrationListener.NONE).run();
        }
    }
}
