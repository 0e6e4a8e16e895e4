package org.mailmigrator.core.internal.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Tables of the state store, versioned per part in {@code schema_version(part, version)}: each part (mail here;
 * calendars/contacts keep their own block and row) creates what is missing and migrates older rows in place, so
 * a store written by an earlier release opens and resumes without copying anything again.
 * <p>
 * No sequence and no identity column: a SIGKILL early in a first run could leave H2's sequence state so that
 * every later insert spun forever in {@code Sequence.flush} (issue 11). Folder ids are {@code max(id) + 1}
 * under the store's single connection instead, and stores made before are converted on open.
 */
final class Schema {
    /** Version 2: connector-neutral mail identity (string ids, epochs, positions, change tokens). */
    static final int MAIL_VERSION = 2;

    private Schema() {
    }

    static void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("create table if not exists schema_version(part varchar primary key, version int not null)");
        }
        c.commit();
        mail(c);
        createPim(c);
        c.commit();
    }

    static int version(Connection c, String part) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select version from schema_version where part = ?")) {
            ps.setString(1, part);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    static void setVersion(Connection c, String part, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("merge into schema_version(part, version) key(part) values (?, ?)")) {
            ps.setString(1, part);
            ps.setInt(2, version);
            ps.executeUpdate();
        }
        c.commit();
    }

    // ---- mail block: the tables of the mail engine (folder pairs, copy records, journal) ----

    private static void mail(Connection c) throws SQLException {
        if (version(c, "mail") >= MAIL_VERSION) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("create table if not exists mail_pair(id bigint primary key, src varchar not null, "
                    + "dst varchar not null, src_epoch varchar, dst_epoch varchar, src_position varchar, "
                    + "src_token varchar, dst_position varchar, dst_messages bigint default -1 not null, "
                    + "dst_token varchar, unique(src, dst))");
            st.execute("create table if not exists mail_copied(pair bigint not null, src_id varchar not null, "
                    + "dst_id varchar, fp varchar not null, flags varchar not null, primary key(pair, src_id))");
            st.execute("create table if not exists mail_journal(pair bigint not null, src_id varchar not null, "
                    + "fp varchar not null, dst_position varchar, primary key(pair, src_id))");
            if (exists(st, "FOLDER_PAIR")) {
                migrateVersion1(st);
            }
        }
        c.commit();
        setVersion(c, "mail", MAIL_VERSION);
    }

    /**
     * Version 1 (releases up to 2026-12) kept IMAP numbers: numeric UIDs become their decimal strings, the 0 that
     * meant "never seen" becomes null. Idempotent: a migration killed half-way starts over from the old tables,
     * which are dropped only once everything is copied (and never read again after).
     */
    private static void migrateVersion1(Statement st) throws SQLException {
        st.execute("delete from mail_journal");
        st.execute("delete from mail_copied");
        st.execute("delete from mail_pair");
        st.execute("insert into mail_pair(id, src, dst, src_epoch, dst_epoch, src_position, src_token, dst_position, "
                + "dst_messages) select id, src, dst, " + text("src_validity") + ", " + text("dst_validity") + ", "
                + text("src_uidnext") + ", " + text("src_modseq") + ", " + text("dst_uidnext") + ", "
                + (column(st, "FOLDER_PAIR", "DST_MESSAGES") ? "dst_messages" : "-1") + " from folder_pair");
        if (exists(st, "COPIED")) {
            st.execute("insert into mail_copied(pair, src_id, dst_id, fp, flags) select pair, cast(src_uid as varchar), "
                    + text("dst_uid") + ", fp, flags from copied");
        }
        if (exists(st, "JOURNAL")) {
            st.execute("insert into mail_journal(pair, src_id, fp, dst_position) select pair, cast(src_uid as varchar), "
                    + "fp, " + text("dst_uidnext") + " from journal");
        }
        st.execute("drop table if exists journal");
        st.execute("drop table if exists copied");
        st.execute("drop table folder_pair");
    }

    /** A version-1 number as text, its 0 ("never seen") as null. */
    private static String text(String column) {
        return "case when " + column + " = 0 then null else cast(" + column + " as varchar) end";
    }

    static boolean exists(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("select count(*) from information_schema.tables "
                + "where table_schema = 'PUBLIC' and table_name = '" + table + "'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    private static boolean column(Statement st, String table, String column) throws SQLException {
        try (ResultSet rs = st.executeQuery("select count(*) from information_schema.columns where table_schema = "
                + "'PUBLIC' and table_name = '" + table + "' and column_name = '" + column + "'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
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
}
