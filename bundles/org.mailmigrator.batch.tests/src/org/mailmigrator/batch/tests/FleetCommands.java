package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Postgres;

/**
 * What the fleet tests (workers on a PostgreSQL store) say to the command line and check afterwards: the store options
 * an administrator gives ({@code --store URL --store-password-file FILE}), the connector contributions a
 * {@link WorkerCliChild} is handed, and every pair the same message by message and nothing twice.
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

    /** The {@code BUNDLE=PLUGIN_XML} arguments of a {@link WorkerCliChild}: core's extension point, the IMAP connector. */
    static List<String> contributions(Path root) throws IOException {
        List<String> args = new ArrayList<>();
        for (Class<?> c : List.of(org.mailmigrator.core.connector.ConnectorRegistry.class,
                org.mailmigrator.connector.imap.ImapConnector.class)) {
            var bundle = org.osgi.framework.FrameworkUtil.getBundle(c);
            Path xml = root.resolve(bundle.getSymbolicName() + ".plugin.xml");
            try (var in = bundle.getEntry("plugin.xml").openStream()) {
                Files.write(xml, in.readAllBytes());
            }
            args.add(bundle.getSymbolicName() + "=" + xml);
        }
        return args;
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
