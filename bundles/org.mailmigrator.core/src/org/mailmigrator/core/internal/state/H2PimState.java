package org.mailmigrator.core.internal.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.pim.Stored;
import org.mailmigrator.core.state.StateException;

/**
 * The PIM view of an account pair's state store file: the same H2 file and schema as {@link H2StateStore}
 * (the PIM tables are {@link Schema#createPim}'s), through a connection of its own opened as {@link StoreFile} says
 * (every commit appended, so that a SIGKILL never takes one back). One connection used under this object's lock;
 * every method is one transaction. Closing the last connection to the file in this process shuts it down as the mail
 * store's close does (compacting a file that is mostly garbage); with the mail store still open it only closes.
 */
public final class H2PimState implements PimState {
    private final Connection db;

    private H2PimState(Connection db) {
        this.db = db;
    }

    /** Opens {@code <dir>/<name>.mv.db}, importing first the PIM rows of the former separate files named. */
    public static H2PimState open(Path dir, String name, List<String> formerNames) throws StateException {
        Connection c = null;
        try {
            Files.createDirectories(dir);
            c = StoreFile.connect(dir, name); // as H2StateStore: in one process both share the open database
            Schema.create(c);
            H2PimState state = new H2PimState(c);
            for (String former : formerNames) {
                if (!former.equals(name)) {
                    LegacyPimFile.importInto(c, dir, former);
                }
            }
            return state;
        } catch (Exception e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // the opening failure is the one to report
                }
            }
            String full = DiskFull.message(e, dir.resolve(name + ".mv.db"));
            throw new StateException(full != null ? full : "cannot open the state store " + dir.resolve(name + ".mv.db")
                    + ": " + e.getMessage() + " (is another run of this account pair still going?)", e);
        }
    }

    @Override
    public synchronized Optional<Entry> find(String key) throws StateException {
        return tx("read the state of " + key, () -> {
            try (PreparedStatement ps = db.prepareStatement("select resource, version, fp from pim_item where item_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Entry(new Stored(rs.getString(1), rs.getString(2)), rs.getString(3)))
                            : Optional.<Entry>empty();
                }
            }
        });
    }

    @Override
    public synchronized void journal(Journaled entry) throws StateException {
        tx("journal " + entry.key(), () -> {
            try (PreparedStatement ps = db.prepareStatement("merge into pim_journal(item_key, kind, collection, uid, origin, fp, "
                    + "prev_resource, prev_version, text, seq) key(item_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "(select coalesce(max(seq), 0) + 1 from pim_journal))")) {
                ps.setString(1, entry.key());
                PimRows.setJournaled(ps, 2, entry);
                ps.executeUpdate();
            }
            return null;
        });
        checkpoint("journal " + entry.key());
    }

    /**
     * Writes what was committed to the file now: H2 otherwise writes commits in the background (its write delay),
     * and a journal entry lost to a SIGKILL right after the destination write would make the next run write again.
     */
    private void checkpoint(String what) throws StateException {
        try (java.sql.Statement st = db.createStatement()) {
            st.execute("checkpoint");
        } catch (SQLException e) {
            String full = DiskFull.message(e, db);
            throw new StateException(full != null ? full : "state store: cannot " + what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<Journaled> journal() throws StateException {
        return tx("read the journal", () -> {
            try (PreparedStatement ps = db.prepareStatement("select kind, collection, uid, origin, fp, prev_resource, "
                    + "prev_version, text from pim_journal order by seq")) {
                return PimRows.journal(ps);
            }
        });
    }

    @Override
    public synchronized void put(String key, Entry entry) throws StateException {
        tx("record " + key, () -> {
            try (PreparedStatement ps = db.prepareStatement("merge into pim_item key(item_key) values (?, ?, ?, ?)");
                    PreparedStatement del = db.prepareStatement("delete from pim_journal where item_key = ?")) {
                ps.setString(1, key);
                ps.setString(2, entry.stored().resource());
                ps.setString(3, entry.stored().version());
                ps.setString(4, entry.fingerprint());
                ps.executeUpdate();
                del.setString(1, key);
                del.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public synchronized void dropJournal(String key) throws StateException {
        tx("clear the journal of " + key, () -> {
            try (PreparedStatement del = db.prepareStatement("delete from pim_journal where item_key = ?")) {
                del.setString(1, key);
                del.executeUpdate();
            }
            return null;
        });
    }

    private <T> T tx(String what, Transactions.Work<T> work) throws StateException {
        return Transactions.run(db, what, work);
    }

    @Override
    public synchronized void close() throws StateException {
        try {
            if (StoreFile.onlyConnection(db)) {
                StoreFile.shutdown(db); // as H2StateStore's close: the file compacted when mostly garbage
            }
            // else a plain close: a mail store open on the same file in this process goes on
            db.close();
        } catch (SQLException e) {
            try {
                db.close();
            } catch (SQLException ignored) {
                // the first failure is the one to report
            }
            throw new StateException("cannot close the state store: " + e.getMessage(), e);
        }
    }
}
