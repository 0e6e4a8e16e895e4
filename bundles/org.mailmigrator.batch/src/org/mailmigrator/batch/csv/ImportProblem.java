package org.mailmigrator.batch.csv;

/**
 * Something wrong in the file, where an administrator will find it: 1-based line and column (0 when the
 * whole line is concerned), the column's name when known, and the reason. Never contains a password.
 * A problem of the import's options rather than of the file (an Exchange CSV imported without the source
 * server) names that {@code option} ({@code --source-server}); its line is the header's.
 */
public record ImportProblem(int line, int column, String columnName, String reason, String option) {

    public ImportProblem(int line, int column, String columnName, String reason) {
        this(line, column, columnName, reason, null);
    }

    /** Whether the fix is on the command line (or the import wizard's fields), not in the file. */
    public boolean isOption() {
        return option != null;
    }

    @Override
    public String toString() {
        if (option != null) {
            return reason;
        }
        String where = "line " + line + (column > 0 ? ", column " + column : "")
                + (columnName == null || columnName.isEmpty() ? "" : " (" + columnName + ")");
        return where + ": " + reason;
    }
}
