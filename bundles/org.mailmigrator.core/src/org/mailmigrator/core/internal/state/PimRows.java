package org.mailmigrator.core.internal.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.pim.PimItem;
import org.mailmigrator.core.pim.PimState.Journaled;
import org.mailmigrator.core.pim.Stored;

/**
 * The calendar/contacts journal's rows as {@link Journaled} entries, shared by the embedded store and the PostgreSQL
 * one ({@code core.internal.pg}): the same columns in the same order.
 */
public final class PimRows {
    private PimRows() {
    }

    /**
     * Sets {@code kind, collection, uid, origin, fp, prev_resource, prev_version, text} from parameter {@code first}
     * on (the item's key and the store's name, when there is one, come before).
     */
    public static void setJournaled(PreparedStatement ps, int first, Journaled entry) throws SQLException {
        PimItem item = entry.item();
        ps.setString(first, item.kind().id());
        ps.setString(first + 1, item.collection());
        ps.setString(first + 2, item.uid());
        ps.setString(first + 3, item.origin());
        ps.setString(first + 4, entry.fingerprint());
        ps.setString(first + 5, entry.previous().map(Stored::resource).orElse(null));
        ps.setString(first + 6, entry.previous().map(Stored::version).orElse(null));
        ps.setString(first + 7, item.text());
    }

    /** Runs a query for {@code kind, collection, uid, origin, fp, prev_resource, prev_version, text}, oldest first. */
    public static List<Journaled> journal(PreparedStatement ps) throws SQLException {
        List<Journaled> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                PimItem item = new PimItem(kind(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(8),
                        rs.getString(4));
                Optional<Stored> previous = rs.getString(6) == null ? Optional.empty()
                        : Optional.of(new Stored(rs.getString(6), rs.getString(7)));
                out.add(new Journaled(item, rs.getString(5), previous));
            }
        }
        return out;
    }

    private static ItemKind kind(String id) throws SQLException {
        for (ItemKind k : ItemKind.values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new SQLException("malformed journal entry: unknown item kind '" + id + "'");
    }
}
