package org.mailmigrator.core.internal.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Tables of the state store; created when missing, so opening an old store keeps its content.
 * No sequence and no identity column: a SIGKILL early in a first run could leave H2's sequence state so that
 * every later insert spun forever in {@code Sequence.flush} (issue 11). Folder ids are {@code max(id) + 1}
 * under the store's single connection instead, and stores made before are converted on open.
 */
final class Schema {
    private Schema() {
    }

    static void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("create table if not exists folder_pair(id bigint primary key, "
                    + "src varchar not null, dst varchar not null, src_validity bigint default 0 not null, "
                    + "dst_validity bigint default 0 not null, src_uidnext bigint default 0 not null, "
                    + "src_modseq bigint default 0 not null, dst_uidnext bigint default 0 not null, "
                    + "dst_messages bigint default -1 not null, unique(src, dst))");
            if (identity(st)) {
                st.execute("alter table folder_pair alter column id drop identity");
            }
            st.execute("alter table folder_pair add column if not exists dst_messages bigint default -1 not null");
            st.execute("create table if not exists copied(pair bigint not null, src_uid bigint not null, "
                    + "dst_uid bigint not null, fp varchar not null, flags varchar not null, primary key(pair, src_uid))");
            st.execute("create table if not exists journal(pair bigint not null, src_uid bigint not null, "
                    + "fp varchar not null, dst_uidnext bigint not null, primary key(pair, src_uid))");
        }
        c.commit();
    }

    /** A store made before 2026-12 numbered folders with an identity column (and so a sequence). */
    private static boolean identity(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("select is_identity from information_schema.columns "
                + "where table_schema = 'PUBLIC' and table_name = 'FOLDER_PAIR' and column_name = 'ID'")) {
            return rs.next() && "YES".equalsIgnoreCase(rs.getString(1));
        }
    }
}
