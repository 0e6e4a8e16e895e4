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
        createPim(c);
        c.commit();
    }

    // ---- Calendars, tasks and contacts (H2PimState): their own tables and version, apart from the mail tables ----

    /** Version of the PIM tables; 1: pim_item (as in the separate PIM files before 2026-12) plus pim_journal. */
    static final int PIM_VERSION = 1;

    /**
     * {@code pim_item} keeps the columns of the PIM files of earlier versions (one row per item key: the
     * destination resource, its version, the fingerprint sent), so that such a file opens as it is.
     * {@code pim_journal} holds one row per write under way: the item's identity, text and fingerprint and what
     * an earlier run had stored.
     */
    static void createPim(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("create table if not exists pim_item(item_key varchar primary key, "
                    + "resource varchar not null, version varchar not null, fp varchar not null)");
            st.execute("create table if not exists pim_journal(item_key varchar primary key, kind varchar not null, "
                    + "collection varchar not null, uid varchar not null, origin varchar not null, fp varchar not null, "
                    + "prev_resource varchar, prev_version varchar, text clob not null, seq bigint not null)");
            st.execute("create table if not exists pim_schema(version int not null)");
            try (ResultSet rs = st.executeQuery("select count(*) from pim_schema")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    st.execute("insert into pim_schema(version) values (" + PIM_VERSION + ")");
                }
            }
        }
    }

    /** A store made before 2026-12 numbered folders with an identity column (and so a sequence). */
    private static boolean identity(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("select is_identity from information_schema.columns "
                + "where table_schema = 'PUBLIC' and table_name = 'FOLDER_PAIR' and column_name = 'ID'")) {
            return rs.next() && "YES".equalsIgnoreCase(rs.getString(1));
        }
    }
}
