package org.mailmigrator.batch.internal;

import java.util.List;
import java.util.Map;

import org.mailmigrator.batch.csv.ServerAddress;
import org.mailmigrator.batch.csv.spi.CsvRow;
import org.mailmigrator.batch.csv.spi.CsvRowReader;
import org.mailmigrator.batch.csv.spi.PairSide;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Secret;

/**
 * OVH Mail Migrator's project template, {@code ;}-separated: source type (IMAP, POP, Exchange), source
 * server, login, password, destination type, destination server (host, URL or EWS URL), login, password,
 * then the optional delegation columns (an administrator login with access to the source and the
 * destination mailbox). The header row of the template is recognised and skipped. Declared in the batch bundle's
 * {@code plugin.xml} as the csvFormats contribution {@code omm}.
 */
public final class OmmRows implements CsvRowReader {
    private static final List<String> NAMES = List.of("source type", "source server", "source login",
            "source password", "destination type", "destination server", "destination login", "destination password",
            "source delegation", "destination delegation");

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public boolean isHeader(List<String> first) {
        return !first.isEmpty() && Dialect.protocol(first.get(0)) == null;
    }

    /**
     * 8 columns, or 10 with the delegation columns, each maybe followed by one empty cell (a line ending in
     * ';'); and as many as the header, or as most rows of a file without one. A ';' left unquoted in a
     * password gives 9 or 11 cells, which are refused rather than read as a delegation login.
     */
    @Override
    public String width(List<String> cells, int headerWidth, int usualWidth) {
        int n = cells.size();
        boolean trailing = Dialect.trailingEmpty(cells);
        if (!(n == 8 || n == 10 || (n == 9 || n == 11) && trailing)) {
            return "has " + n + " columns; the OMM template has 8, or 10 with the delegation columns "
                    + "(a ';' inside a password must be quoted: \"pass;word\")";
        }
        String header = CsvRowReader.super.width(cells, headerWidth, usualWidth);
        if (header != null) {
            return header;
        }
        if (headerWidth < 0 && usualWidth > 0 && n != usualWidth) {
            return "has " + n + " columns while most rows of the file have " + usualWidth
                    + " (a ';' missing or too many: a ';' inside a password must be quoted)";
        }
        return null;
    }

    @Override
    public void read(CsvRow r) {
        String srcProtocol = type(r, 0);
        String dstProtocol = type(r, 4);
        ServerAddress src = srcProtocol == null ? null : r.server(1, srcProtocol, "tls");
        String srcLogin = r.required(2);
        Secret srcPw = r.password(3);
        ServerAddress dst = dstProtocol == null ? null : r.server(5, dstProtocol, "tls");
        String dstLogin = r.required(6);
        Secret dstPw = r.password(7);
        r.accept(new PairSide(src, delegation(r, 8), srcLogin, srcPw), new PairSide(dst, delegation(r, 9), dstLogin, dstPw),
                MigrationOptions.mailOnly());
    }

    private static String type(CsvRow r, int col) {
        String p = Dialect.protocol(r.cell(col));
        if (p == null) {
            r.problem(col, Quote.of(r.cell(col)) + " is not a server type (expected IMAP, POP or Exchange)");
        }
        return p;
    }

    private static Map<String, String> delegation(CsvRow r, int col) {
        return r.cell(col).isEmpty() ? Map.of() : Map.of("delegation", r.cell(col));
    }
}
