package org.mailmigrator.core.internal.pg;

import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.List;
import java.util.zip.CRC32;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * One version of a set of tables: SQL statements run in one transaction, handed to Flyway as a {@link JavaMigration}
 * (its class-path scanning does not see into OSGi bundles). A released version is never edited: Flyway checks its
 * checksum, computed from the statements.
 */
public record PgVersion(String version, String description, List<String> sql) implements JavaMigration {
    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(version);
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        sql.forEach(s -> crc.update(s.getBytes(StandardCharsets.UTF_8)));
        return (int) crc.getValue();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement st = context.getConnection().createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }
}
