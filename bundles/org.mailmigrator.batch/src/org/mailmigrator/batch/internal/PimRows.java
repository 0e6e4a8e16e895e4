package org.mailmigrator.batch.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.mailmigrator.batch.PimLeg;
import org.mailmigrator.core.model.CredentialRef;

/**
 * The calendar/contacts legs of migrations in the {@code pim} column ({@code calendar.source=...} lines;
 * the password only as its credential key) and the summary of their last pass in {@code pim_summary}.
 */
final class PimRows {
    private PimRows() {
    }

    static String encode(List<PimLeg> legs) {
        if (legs.isEmpty()) {
            return null;
        }
        Map<String, String> m = new TreeMap<>();
        for (PimLeg l : legs) {
            m.put(l.kind().id() + ".source", l.source());
            m.put(l.kind().id() + ".target", l.target());
            m.put(l.kind().id() + ".credential", l.credential().key());
        }
        return Codec.map(m);
    }

    static List<PimLeg> decode(String text) {
        List<PimLeg> out = new ArrayList<>();
        Map<String, String> m = Codec.map(text);
        for (PimLeg.Kind k : PimLeg.Kind.values()) {
            String source = m.get(k.id() + ".source");
            if (source != null) {
                out.add(new PimLeg(k, source, m.get(k.id() + ".target"), new CredentialRef(m.get(k.id() + ".credential"))));
            }
        }
        return out;
    }

    /** Migration id to its legs, for the migrations that have some. */
    static Map<String, List<PimLeg>> read(Connection db, String batch) throws SQLException {
        Map<String, List<PimLeg>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = db.prepareStatement("select id, pim from migration where batch = ? and pim is not null "
                + "order by idx")) {
            ps.setString(1, batch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), decode(rs.getString(2)));
                }
            }
        }
        return out;
    }

    static Map<String, String> summaries(Connection db, String batch) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = db.prepareStatement("select id, pim_summary from migration where batch = ? "
                + "and pim_summary is not null order by idx")) {
            ps.setString(1, batch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }
}
