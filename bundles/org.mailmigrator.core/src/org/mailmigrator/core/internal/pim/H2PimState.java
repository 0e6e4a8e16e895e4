package org.mailmigrator.core.internal.pim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import org.h2.jdbcx.JdbcDataSource;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.pim.Stored;
import org.mailmigrator.core.state.StateException;

/**
 * The PIM state of one account pair in an embedded H2 file: one row per item key. A row is written only
 * after the destination accepted the item; if a run dies between the two, the next run writes the item
 * again, and the destination finds it by its UID-derived resource name (DAV) or UID property (EWS), so
 * nothing is duplicated.
 */
public final class H2PimState implements PimState {
    private final Connection db;

    private H2PimState(Connection db) {
        this.db = db;
    }

    public static H2PimState open(Path dir, String name) throws StateException {
        try {
            Files.createDirectories(dir);
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:file:" + dir.resolve(name).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
            Connection c = ds.getConnection();
            try (Statement st = c.createStatement()) {
                st.execute("create table if not exists pim_item(item_key varchar primary key, "
                        + "resource varchar not null, version varchar not null, fp varchar not null)");
            }
            return new H2PimState(c);
        } catch (Exception e) {
            throw new StateException("cannot open the state store " + dir.resolve(name + ".mv.db") + ": "
                    + e.getMessage() + " (is another run of this account pair still going?)", e);
        }
    }

    @Override
    public synchronized Optional<Entry> find(String key) throws StateException {
        try (PreparedStatement ps = db.prepareStatement("select resource, version, fp from pim_item where item_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Entry(new Stored(rs.getString(1), rs.getString(2)), rs.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StateException("cannot read the state of " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void put(String key, Entry entry) throws StateException {
        try (PreparedStatement ps = db.prepareStatement("merge into pim_item key(item_key) values (?, ?, ?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, entry.stored().resource());
            ps.setString(3, entry.stored().version());
            ps.setString(4, entry.fingerprint());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StateException("cannot record " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws StateException {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StateException("cannot close the PIM state store: " + e.getMessage(), e);
        }
    }
}
