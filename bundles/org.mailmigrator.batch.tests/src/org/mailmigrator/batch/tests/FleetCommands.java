package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Postgres;

/**
 * What the fleet tests (workers on a PostgreSQL store) say to the command line and check afterwards: the store options
 * an administrator gives ({@code --store URL --store-password-file FILE}), and every pair the same message by message and nothing twice.
 */
final class FleetCommands {
    private FleetCommands() {
    }

    /** {@code args} followed by the store of {@code db}, its password in a file under {@code root}. */
    static List<String> store(Path root, Postgres pg, String db, String... args) throws IOException {
        Path pw = root.resolve("store.pw");
        if (!Files.exists(pw)) {
            Files.writeString(pw, pg.password() + "\n");
        }
        return Stream.concat(Stream.of(args), Stream.of("--store", pg.url(db), "--store-password-file", pw.toString()))
                .toList();
    }

    /** Rows {@code from} to {@code rows - 1}: each destination the same as its source, and not one message more. */
    static void assertPairsExact(Dovecot mail, String prefix, int from, int rows) throws Exception {
        for (int i = from; i < rows; i++) {
            Mailboxes.assertSame(mail, prefix + "s" + i, prefix + "d" + i);
            assertEquals(Mailboxes.count(mail, prefix + "s" + i), Mailboxes.count(mail, prefix + "d" + i),
                    "nothing twice in " + prefix + "d" + i);
        }
    }
}
