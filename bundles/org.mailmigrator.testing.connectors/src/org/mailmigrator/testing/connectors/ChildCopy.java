package org.mailmigrator.testing.connectors;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.core.state.StateStore;

/**
 * The engine in a bare JVM copying a string-id mail source to IMAP, for the kill-and-resume tests (a folder of .eml
 * files, mail files, a PST): prints "step NAME FOLDER" at each checkpoint (journal written, appended, recorded...)
 * and pauses there, so that a SIGKILL lands right after that step; "finished OUTCOME" at the end. The source is
 * opened by a {@link Source} the caller names (a class with a public no-argument constructor on the child's class
 * path), from one argument.
 * Arguments: sourceClass sourceArgument host port dstUser stateDir password pauseMillis.
 */
public final class ChildCopy {
    /** Opens the source of a child run from its argument (a directory, {@code pst:PATH}...). */
    public interface Source {
        ConnectorSession open(String argument, ConnectContext context) throws org.mailmigrator.core.spi.ConnectorException;
    }

    /** A directory of .eml files ({@link EmlDirectoryConnector}, string ids): the argument is the directory. */
    public static final class EmlDirectory implements Source {
        public EmlDirectory() {
        }

        /** The {@code test.eml} account of a directory. */
        public static Account account(Path dir) {
            return new Account("test.eml", Map.of("directory", dir.toString()), null);
        }

        @Override
        public ConnectorSession open(String argument, ConnectContext context) throws org.mailmigrator.core.spi.ConnectorException {
            return new EmlDirectoryConnector().open(account(Path.of(argument)), Role.SOURCE, context);
        }
    }

    private ChildCopy() {
    }

    public static void main(String[] a) throws Exception {
        Source source = (Source) Class.forName(a[0]).getConstructor().newInstance();
        long pause = Long.parseLong(a[7]);
        ConnectContext ctx = ConnectContext.of(Secret.of(a[6]));
        Account dst = new Account("imap", Map.of("host", a[2], "port", a[3], "security", "plain", "login", a[4]),
                new CredentialRef(a[4]));
        MigrationListener listener = new MigrationListener() {
            @Override
            public void checkpoint(String step, String folder) {
                System.out.println("step " + step + " " + folder);
                System.out.flush();
                try {
                    Thread.sleep(pause); // a pause, not a wait for a condition: the parent kills the child meanwhile
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        MigrationSettings settings = MigrationSettings.defaults().withBatchSize(3).withParallelism(1)
                .withRetries(2, Duration.ofMillis(100));
        try (StateStore state = StateStore.openEmbedded(Path.of(a[5]), "pair")) {
            MigrationReport r = new MigrationEngine(() -> source.open(a[1], ctx),
                    () -> new ImapConnector().open(dst, Role.DESTINATION, ctx), state, settings, listener).run();
            System.out.println("finished " + r.outcome() + " " + (r.failure() == null ? "" : r.failure()));
        }
    }
}
