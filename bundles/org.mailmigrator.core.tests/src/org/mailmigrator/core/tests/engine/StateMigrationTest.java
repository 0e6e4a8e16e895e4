package org.mailmigrator.core.tests.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.mail.Fingerprint;
import org.mailmigrator.core.state.FolderState;
import org.mailmigrator.core.state.StateStore;

/**
 * A state file as the release before connector-neutral ids wrote it (version 1: IMAP numbers in bigint columns,
 * 0 for "never seen", a journal entry of a write the process died in) opens, is migrated in place, and the run
 * resumes without copying anything again.
 */
class StateMigrationTest {

    @Test
    void aVersionOneStateFileOpensAndResumesWithoutCopyingAgain() throws Exception {
        MemoryMail src = new MemoryMail(true);
        MemoryMail dst = new MemoryMail(true);
        String[] texts = { EngineTest.A, EngineTest.B, EngineTest.B, EngineTest.NO_ID };
        for (String t : texts) {
            src.add("INBOX", t, Set.of("\\Seen"));
            dst.add("INBOX", t, Set.of("\\Seen")); // the fourth is the write the old run died after
        }
        src.folder("INBOX").epoch = "42";
        dst.folder("INBOX").epoch = "7";
        Path dir = Files.createTempDirectory("v1state");
        try (Connection c = jdbc(dir);
                Statement st = c.createStatement()) {
            // the version-1 schema, as Schema.create wrote it until 2026-12
            st.execute("create table folder_pair(id bigint primary key, src varchar not null, dst varchar not null, "
                    + "src_validity bigint default 0 not null, dst_validity bigint default 0 not null, "
                    + "src_uidnext bigint default 0 not null, src_modseq bigint default 0 not null, "
                    + "dst_uidnext bigint default 0 not null, dst_messages bigint default -1 not null, unique(src, dst))");
            st.execute("create table copied(pair bigint not null, src_uid bigint not null, dst_uid bigint not null, "
                    + "fp varchar not null, flags varchar not null, primary key(pair, src_uid))");
            st.execute("create table journal(pair bigint not null, src_uid bigint not null, fp varchar not null, "
                    + "dst_uidnext bigint not null, primary key(pair, src_uid))");
            st.execute("insert into folder_pair values (1, 'INBOX', 'INBOX', 42, 7, 0, 0, 4, -1)");
            try (PreparedStatement copied = c.prepareStatement("insert into copied values (1, ?, ?, ?, '\\Seen')");
                    PreparedStatement journal = c.prepareStatement("insert into journal values (1, ?, ?, 4)")) {
                for (int uid = 1; uid <= 3; uid++) {
                    copied.setLong(1, uid);
                    copied.setLong(2, uid);
                    copied.setString(3, fingerprint(texts[uid - 1]));
                    copied.executeUpdate();
                }
                journal.setLong(1, 4);
                journal.setString(2, fingerprint(texts[3]));
                journal.executeUpdate();
            }
        }
        try (StateStore state = StateStore.openEmbedded(dir, "pair")) {
            FolderState inbox = state.folder("INBOX", "INBOX");
            assertEquals(1, inbox.id());
            assertEquals("42", inbox.srcEpoch());
            assertEquals(null, inbox.srcPosition(), "0 meant never seen");
            assertEquals("4", inbox.dstPosition());
            assertEquals(Set.of("1", "2", "3"), state.copied(1).keySet());
            assertEquals("2", state.copied(1).get("2").dstId());
            assertEquals(List.of("4"), state.journal(1).stream().map(j -> j.srcId()).toList());

            MigrationReport r = EngineTest.run(src, dst, state, EngineTest.settings(), MigrationListener.NONE);
            assertEquals(Outcome.COMPLETED, r.outcome(), r.failure());
            assertEquals(0, r.copied(), "nothing copied again: " + r);
            assertEquals(4, r.alreadyPresent());
            assertEquals(src.texts("INBOX"), dst.texts("INBOX"));
        }
        try (Connection c = jdbc(dir);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from information_schema.tables where table_schema = 'PUBLIC' "
                        + "and table_name in ('FOLDER_PAIR', 'COPIED', 'JOURNAL')")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the version-1 tables are gone once migrated");
        }
        try (StateStore again = StateStore.openEmbedded(dir, "pair")) {
            assertFalse(again.copied(1).isEmpty(), "a second open keeps the migrated rows");
        }
    }

    static Connection jdbc(Path dir) throws java.sql.SQLException {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("pair").toAbsolutePath());
        return ds.getConnection();
    }

    static String fingerprint(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return Fingerprint.of(bytes, 0, MemoryMail.headerLength(bytes), bytes.length);
    }
}
