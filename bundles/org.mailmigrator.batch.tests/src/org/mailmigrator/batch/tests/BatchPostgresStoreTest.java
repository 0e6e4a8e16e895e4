package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Postgres;
import org.mailmigrator.testing.Radicale;

/**
 * {@code batch run FILE.csv --store postgresql://…} (docs/postgresql.md): the rows' engine state — mail and the
 * calendar leg, with their journals — lives in PostgreSQL (Debian's postgresql, started by the test), named
 * {@code batch/NAME/ID}, and so do the batch itself and its sealed passwords (PgBatchWorkersTest); the workspace
 * folder keeps no state file. A second run copies nothing.
 */
class BatchPostgresStoreTest {

    @Test
    void aBatchRowKeepsItsMailAndCalendarStateInPostgres(@TempDir Path dir) throws Exception {
        try (Dovecot mail = Dovecot.start(Dovecot.Layout.SLASH); Radicale dav = Radicale.start(dir.resolve("dav"));
                Postgres pg = Postgres.start()) {
            Mailboxes.fill(mail, "pgb1", 9, 31, 0);
            Path calendars = Files.createDirectories(dir.resolve("calendars"));
            Files.writeString(calendars.resolve("team.ics"), BatchPimTest.ICS);
            String imap = "imap://127.0.0.1:" + mail.imapPort();
            Path csv = Files.writeString(dir.resolve("pgbatch.csv"), "source.server,source.login,source.password,"
                    + "destination.server,destination.login,destination.password,calendar.source,calendar.target,"
                    + "calendar.password\n" + imap + ",pgb1,testpass," + imap + ",pgb1dst,testpass," + calendars
                    + ",caldav+http://alice@127.0.0.1:" + dav.port() + "/," + Radicale.PASSWORD + "\n");
            String db = pg.createDatabase();
            Path storePw = Files.writeString(dir.resolve("store.pw"), pg.password() + "\n");
            Path ws = dir.resolve("ws");
            List<String> store = List.of("--store", pg.url(db), "--store-password-file", storePw.toString());

            CliRun first = CliRun.of(withStore(List.of("batch", "run", csv.toString(), "--workspace", ws.toString(),
                    "--allow-plaintext"), store));
            assertEquals(0, first.code(), first.toString());
            Mailboxes.assertSame(mail, "pgb1", "pgb1dst");
            String pairs = pg.sql(db, "select distinct store from mail_pair").trim();
            assertTrue(pairs.startsWith("batch/pgbatch/"), "the row's state, named by batch and row: " + pairs);
            assertEquals("9", pg.sql(db, "select count(*) from mail_copied").trim());
            assertEquals("0", pg.sql(db, "select count(*) from mail_journal").trim());
            assertEquals("3", pg.sql(db, "select count(*) from pim_item").trim(), "the calendar leg's items");
            assertEquals("0", pg.sql(db, "select count(*) from pim_journal").trim());
            try (Stream<Path> files = Files.walk(ws)) {
                assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".mv.db") && !f.startsWith(ws.resolve("batches")))
                        .toList(), "no embedded state store");
            }
            CliRun second = CliRun.of(withStore(List.of("batch", "run", "pgbatch", "--workspace", ws.toString(),
                    "--allow-plaintext"), store));
            assertEquals(0, second.code(), second.toString());
            Mailboxes.assertSame(mail, "pgb1", "pgb1dst");
            assertEquals(9, Mailboxes.count(mail, "pgb1dst"), "nothing copied twice");
            assertEquals("9", pg.sql(db, "select count(*) from mail_copied").trim());
            assertEquals("3", pg.sql(db, "select count(*) from pim_item").trim());
            for (CliRun run : List.of(first, second)) {
                assertFalse(run.toString().contains(pg.password()), "the store password is never printed: " + run);
            }
        }
    }

    private static List<String> withStore(List<String> args, List<String> store) {
        return Stream.concat(args.stream(), store.stream()).toList();
    }
}
