package org.mailmigrator.testing.extensions;

import java.util.List;

import org.mailmigrator.batch.csv.ServerAddress;
import org.mailmigrator.batch.csv.spi.CsvRow;
import org.mailmigrator.batch.csv.spi.CsvRowReader;
import org.mailmigrator.batch.csv.spi.PairSide;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Secret;

/**
 * A made-up third-party format, "Acme Mail Mover export", written only against the published API:
 * {@code src_user;src_password;dst_user;dst_password;hosts} with a header, where {@code hosts} is
 * {@code SOURCE>DESTINATION} (each a host, host:port or URL; a bare host is IMAP over TLS).
 */
public final class AcmeRows implements CsvRowReader {
    private static final List<String> NAMES = List.of("src_user", "src_password", "dst_user", "dst_password", "hosts");

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public boolean isHeader(List<String> firstRecord) {
        return !firstRecord.isEmpty() && firstRecord.get(0).strip().equalsIgnoreCase("src_user");
    }

    @Override
    public void read(CsvRow r) {
        String srcUser = r.required(0);
        Secret srcPassword = r.password(1);
        String dstUser = r.required(2);
        Secret dstPassword = r.password(3);
        String hosts = r.cell(4);
        int arrow = hosts.indexOf('>');
        if (arrow <= 0 || arrow == hosts.length() - 1) {
            r.problem(4, "'" + hosts + "' is not SOURCE>DESTINATION");
            return;
        }
        ServerAddress src = server(r, hosts.substring(0, arrow));
        ServerAddress dst = server(r, hosts.substring(arrow + 1));
        r.accept(new PairSide(src, srcUser, srcPassword), new PairSide(dst, dstUser, dstPassword),
                MigrationOptions.mailOnly());
    }

    private static ServerAddress server(CsvRow r, String text) {
        try {
            return ServerAddress.parse(text, "imap", "tls");
        } catch (IllegalArgumentException e) {
            r.problem(4, e.getMessage());
            return null;
        }
    }
}
