package org.mailmigrator.core.internal.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A state store write that failed for want of space, in words a person can act on: "disk full writing
 * FILE (the state folder): make space on that disk, then run again", instead of H2's "Writing to
 * sun.nio.ch.FileChannelImpl@… failed" or "IO Exception … (is another run of this account pair still going?)".
 * H2 does not always keep the system's "No space left on device" in its causes, so a file system with almost no
 * space left counts too.
 */
final class DiskFull {
    /** Less than this free beside the store after a failed write: the disk is what failed. */
    private static final long ALMOST_NOTHING = 256 * 1024;

    private DiskFull() {
    }

    /** The message for a failure of the store {@code file}, or null when the disk is not full. */
    static String message(Throwable t, Path file) {
        if (!said(t) && !(failedWrite(t) && almostFull(file))) {
            return null;
        }
        return "disk full writing " + file + " (the state folder): make space on that disk, then run again; "
                + "nothing is lost, the next run goes on from the last saved step";
    }

    /** {@link #message} for the store behind a connection (its file from the JDBC URL), or null. */
    static String message(Throwable t, Connection db) {
        try {
            String url = db.getMetaData().getURL(); // jdbc:h2:file:/path/name;...
            String path = url.replaceFirst("^jdbc:h2:file:", "").replaceFirst(";.*$", "");
            return message(t, Path.of(path + ".mv.db"));
        } catch (SQLException | RuntimeException e) {
            return said(t) ? "disk full writing the state store: make space on that disk, then run again" : null;
        }
    }

    private static boolean said(Throwable t) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("no space left on device") || m.contains("disk quota exceeded")) {
                return true;
            }
        }
        return false;
    }

    /** H2's words for a file it could not write or create (its general and IO error codes). */
    private static boolean failedWrite(Throwable t) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("writing to") || m.contains("io exception") || m.contains("[90028-") || m.contains("[50000-")
                    || c instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static boolean almostFull(Path file) {
        for (Path p = file.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    return Files.getFileStore(p).getUsableSpace() < ALMOST_NOTHING;
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
