package org.mailmigrator.core.internal.pg;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

import org.mailmigrator.core.internal.state.PimRows;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.pim.Stored;
import org.mailmigrator.core.state.StateException;

/**
 * The calendar/contacts state of one account pair ({@code store} = its name) in the shared PostgreSQL database, with
 * the embedded {@code H2PimState}'s semantics: every method one transaction, a journal entry committed (and, being a
 * PostgreSQL commit, on disk) before each destination write, removed in the transaction that records the copy.
 */
public final class PgPimState implements PimState {
    private final PgSession db;
    private final String store;

    PgPimState(PgSession db, String store) {
        this.db = db;
        this.store = store;
    }

    @Override
    public synchronized Optional<Entry> find(String key) throws StateException {
        return db.tx("read the state of " + key, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select resource, version, fp from pim_item where store = ? and item_key = ?")) {
                ps.setString(1, store);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Entry(new Stored(rs.getString(1), rs.getString(2)), rs.getString(3)))
                            : Optional.<Entry>empty();
                }
            }
        });
    }

    @Override
    public synchronized void journal(Journaled entry) throws StateException {
        db.tx("journal " + entry.key(), c -> {
            // a new entry for the key goes to the end of the journal, as the embedded store's max(seq) + 1 does
            try (PreparedStatement del = c.prepareStatement("delete from pim_journal where store = ? and item_key = ?");
                    PreparedStatement ps = c.prepareStatement("insert into pim_journal(store, item_key, kind, collection, "
                            + "uid, origin, fp, prev_resource, prev_version, text) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                del.setString(1, store);
                del.setString(2, entry.key());
                del.executeUpdate();
                ps.setString(1, store);
                ps.setString(2, entry.key());
                PimRows.setJournaled(ps, 3, entry);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public synchronized List<Journaled> journal() throws StateException {
        return db.tx("read the journal", c -> {
            try (PreparedStatement ps = c.prepareStatement("select kind, collection, uid, origin, fp, prev_resource, "
                    + "prev_version, text from pim_journal where store = ? order by seq")) {
                ps.setString(1, store);
                return PimRows.journal(ps);
            }
        });
    }

    @Override
    public synchronized void put(String key, Entry entry) throws StateException {
        db.tx("record " + key, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into pim_item(store, item_key, resource, version, fp) "
                    + "values (?, ?, ?, ?, ?) on conflict (store, item_key) do update set resource = excluded.resource, "
                    + "version = excluded.version, fp = excluded.fp");
                    PreparedStatement del = c.prepareStatement("delete from pim_journal where store = ? and item_key = ?")) {
                ps.setString(1, store);
                ps.setString(2, key);
                ps.setString(3, entry.stored().resource());
                ps.setString(4, entry.stored().version());
                ps.setString(5, entry.fingerprint());
                ps.executeUpdate();
                del.setString(1, store);
                del.setString(2, key);
                del.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public synchronized void dropJournal(String key) throws StateException {
        db.tx("clear the journal of " + key, c -> {
            try (PreparedStatement del = c.prepareStatement("delete from pim_journal where store = ? and item_key = ?")) {
                del.setString(1, store);
                del.setString(2, key);
                del.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public synchronized void close() {
        db.close();
    }
}
