package org.mailmigrator.core.internal.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Tables of the state store; created when missing, so opening an old store keeps its content. */
final class Schema {
    private Schema() {
    }

    static void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("create table if not exists folder_pair(id bigint auto_increment primary key, "
                    + "src varchar not null, dst varchar not null, src_validity bigint default 0 not null, "
                    + "dst_validity bigint default 0 not null, src_uidnext bigint default 0 not null, "
                    + "src_modseq bigint default 0 not null, dst_uidnext bigint default 0 not null, unique(src, dst))");
            st.execute("create table if not exists copied(pair bigint not null, src_uid bigint not null, "
                    + "dst_uid bigint not null, fp varchar not null, flags varchar not null, primary key(pair, src_uid))");
            st.execute("create table if not exists journal(pair bigint not null, src_uid bigint not null, "
                    + "fp varchar not null, dst_uidnext bigint not null, primary key(pair, src_uid))");
        }
        c.commit();
    }
}
