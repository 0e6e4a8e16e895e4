package org.mailmigrator.batch.csv;

/**
 * Something wrong in the file, where an administrator will find it: 1-based line and column (0 when the
 * whole line is concerned), the column's name when known, and the reason. Never contains a password.
 */
public record ImportProblem(int line, int column, String columnName, String reason) {

    @Override
    public String toString() {
        String where = "line " + line + (column > 0 ? ", column " + column : "")
                + (columnName == null || columnName.isEmpty() ? "" : " (" + columnName + ")");
        return where + ": " + reason;
    }
}
