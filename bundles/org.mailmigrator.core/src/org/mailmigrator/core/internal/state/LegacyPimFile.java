package org.mailmigrator.core.internal.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A PIM state file of an earlier version ({@code ID-calendar.mv.db}, {@code ID-contacts.mv.db}: one table
 * {@code pim_item}), imported into the account pair's state store: each of its rows is copied where the store has
 * none for that key (a newer record wins), in the caller's transaction; then the file is renamed
 * {@code .mv.db.imported}, kept for the user and never read again.
 */
final class LegacyPimFile {
    private LegacyPimFile() {
    }

    static void importInto(Connection target, Path dir, String former) throws SQLException, java.io.IOException {
        Path file = dir.resolve(former + ".mv.db");
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (Connection old = StoreFile.connect(dir, former)) {
            boolean hasTable;
            try (ResultSet rs = old.getMetaData().getTables(null, "PUBLIC", "PIM_ITEM", null)) {
                hasTable = rs.next();
            }
            if (hasTable) {
                try (PreparedStatement read = old.prepareStatement("select item_key, resource, version, fp from pim_item");
                        ResultSet rs = read.executeQuery();
                        PreparedStatement write = target.prepareStatement("insert into pim_item(item_key, resource, version, fp) "
                                + "select ?, ?, ?, ? where not exists (select 1 from pim_item where item_key = ?)")) {
                    while (rs.next()) {
                        for (int i = 1; i <= 4; i++) {
                            write.setString(i, rs.getString(i));
                        }
                        write.setString(5, rs.getString(1));
                        write.executeUpdate();
                    }
                }
            }
            target.commit();
        }
        Files.move(file, dir.resolve(former + ".mv.db.imported"), StandardCopyOption.REPLACE_EXISTING);
    }
}
