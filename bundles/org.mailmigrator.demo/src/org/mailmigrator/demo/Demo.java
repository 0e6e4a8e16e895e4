package org.mailmigrator.demo;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.csv.CsvFormat;
import org.mailmigrator.batch.csv.ImportResult;
import org.mailmigrator.batch.csv.ImportedPair;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.demo.internal.DemoServer;
import org.mailmigrator.demo.internal.SampleMailboxes;

import jakarta.mail.MessagingException;

/**
 * A running demo: a source and a destination IMAP server inside this JVM, the source filled with the sample
 * mailboxes ({@link SampleMailboxes}), the destination with the same users and empty mailboxes, and the
 * account pairs between them as an import the caller stores as the batch {@link #BATCH} (so the passwords
 * go through the batch's secret vault like any other). Passwords are random for each start and exist only
 * in the servers and in that import. {@link #close()} stops both servers; a batch stored from an earlier
 * demo points at ports that no longer answer and is replaced by the next one.
 */
public final class Demo implements AutoCloseable {
    public static final String BATCH = "demo";
    /** Migrations at once: three of the five, so the table shows some running and some queued. */
    public static final int PARALLEL = 3;
    /**
     * Connections per host: both servers are on 127.0.0.1, so each pair takes 4 there (2 per session and side);
     * the usual default of 10 would let only two pairs run.
     */
    public static final int PER_HOST = PARALLEL * 4;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final DemoServer source;
    private final DemoServer destination;
    private final ImportResult pairs;

    private Demo(DemoServer source, DemoServer destination, ImportResult pairs) {
        this.source = source;
        this.destination = destination;
        this.pairs = pairs;
    }

    /** Starts both servers and fills the source (about 300 messages, one second or two). */
    public static Demo start() throws IOException {
        DemoServer src = DemoServer.start("source");
        DemoServer dst = null;
        try {
            dst = DemoServer.start("destination");
            List<ImportedPair> pairs = new ArrayList<>();
            int line = 1;
            for (SampleMailboxes.User u : SampleMailboxes.USERS) {
                String from = SampleMailboxes.login(u, SampleMailboxes.SOURCE_DOMAIN);
                String to = SampleMailboxes.login(u, SampleMailboxes.DESTINATION_DOMAIN);
                Secret srcPassword = password();
                Secret dstPassword = password();
                src.fill(src.addUser(from, srcPassword), SampleMailboxes.of(u));
                dst.addUser(to, dstPassword);
                String id = "%05d-%s".formatted(line, u.name());
                Migration m = new Migration(id, src.account(from, new CredentialRef(id + "/source")),
                        dst.account(to, new CredentialRef(id + "/destination")), MigrationOptions.mailOnly());
                pairs.add(new ImportedPair(line++, m, srcPassword, dstPassword));
            }
            return new Demo(src, dst, new ImportResult(CsvFormat.NATIVE, "UTF-8", pairs, List.of()));
        } catch (MessagingException | RuntimeException e) {
            src.close();
            if (dst != null) {
                dst.close();
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getMessage(), e);
        }
    }

    private static Secret password() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Secret.of(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b));
    }

    /**
     * Whether a stored batch was made by a demo (every account on a loopback demo server with a demo login),
     * so that replacing it loses nothing; a batch someone else named "demo" is not.
     */
    public static boolean isDemo(BatchSpec spec) {
        return !spec.migrations().isEmpty() && spec.migrations().stream()
                .flatMap(m -> java.util.stream.Stream.of(m.source(), m.destination()))
                .allMatch(a -> a.setting("host").equals(java.util.Optional.of(DemoServer.HOST))
                        && a.setting("login").filter(l -> l.endsWith("@" + SampleMailboxes.SOURCE_DOMAIN)
                                || l.endsWith("@" + SampleMailboxes.DESTINATION_DOMAIN)).isPresent());
    }

    /** The account pairs, to store as the batch {@link #BATCH}. */
    public ImportResult pairs() {
        return pairs;
    }

    /** "source IMAP server on 127.0.0.1:41234", for status lines. */
    public String describe() {
        return source + ", " + destination;
    }

    @Override
    public void close() {
        try {
            source.close();
        } finally {
            destination.close();
        }
    }
}
