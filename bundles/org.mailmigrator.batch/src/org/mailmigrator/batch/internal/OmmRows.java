package org.mailmigrator.batch.internal;

import java.util.List;
import java.util.Map;

import org.mailmigrator.batch.csv.ServerAddress;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Secret;

/**
 * OVH Mail Migrator's project template, {@code ;}-separated: source type (IMAP, POP, Exchange), source
 * server, login, password, destination type, destination server (host, URL or EWS URL), login, password,
 * then the optional delegation columns (an administrator login with access to the source and the
 * destination mailbox). The header row of the template is recognised and skipped.
 */
final class OmmRows implements RowReader {
    private static final List<String> NAMES = List.of("source type", "source server", "source login",
            "source password", "destination type", "destination server", "destination login", "destination password",
            "source delegation", "destination delegation");

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public boolean isHeader(List<String> first) {
        return !first.isEmpty() && RowReader.protocol(first.get(0)) == null;
    }

    @Override
    public void read(Rows.Row r) {
        if (r.size() < 8) {
            r.problem(-1, "has " + r.size() + " columns; the OMM template has 8 (and 2 optional delegation columns)");
            return;
        }
        for (int c = 10; c < r.size(); c++) {
            if (!r.cell(c).isEmpty()) {
                r.problem(c, "unexpected column after the delegation columns: '" + r.cell(c) + "' (a ';' in a password must be quoted)");
            }
        }
        String srcProtocol = type(r, 0);
        String dstProtocol = type(r, 4);
        ServerAddress src = srcProtocol == null ? null : r.server(1, srcProtocol, "tls");
        String srcLogin = r.required(2);
        Secret srcPw = r.password(3);
        ServerAddress dst = dstProtocol == null ? null : r.server(5, dstProtocol, "tls");
        String dstLogin = r.required(6);
        Secret dstPw = r.password(7);
        r.accept(src, delegation(r, 8), srcLogin, srcPw, dst, delegation(r, 9), dstLogin, dstPw,
                MigrationOptions.mailOnly());
    }

    private static String type(Rows.Row r, int col) {
        String p = RowReader.protocol(r.cell(col));
        if (p == null) {
            r.problem(col, "'" + r.cell(col) + "' is not a server type (expected IMAP, POP or Exchange)");
        }
        return p;
    }

    private static Map<String, String> delegation(Rows.Row r, int col) {
        return r.cell(col).isEmpty() ? Map.of() : Map.of("delegation", r.cell(col));
    }
}
