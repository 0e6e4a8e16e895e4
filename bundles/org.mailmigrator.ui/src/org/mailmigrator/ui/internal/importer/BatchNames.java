package org.mailmigrator.ui.internal.importer;

import java.nio.file.Path;

import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.ui.batches.BatchSession;

/** Batch names in the wizard: proposed from the file name (as the command line does), checked before Finish. */
final class BatchNames {
    private static final String VALID = "[A-Za-z0-9._-]{1,64}";

    private BatchNames() {
    }

    static String propose(Path file, BatchSession session) {
        String base = file.getFileName().toString().replaceFirst("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9._-]", "-");
        if (base.isEmpty()) {
            base = "batch";
        }
        base = base.length() > 60 ? base.substring(0, 60) : base;
        String name = base;
        for (int i = 2; exists(name, session) && i < 1000; i++) {
            name = base + "-" + i;
        }
        return name;
    }

    /** Why the name cannot be used, or null. */
    static String problem(String name, BatchSession session) {
        String n = name.trim();
        if (!n.matches(VALID)) {
            return "The batch name must be 1 to 64 letters, digits, '.', '_' or '-'";
        }
        return exists(n, session) ? "A batch named '" + n + "' exists already" : null;
    }

    private static boolean exists(String name, BatchSession session) {
        try {
            return session.workspace().store().batch(name).isPresent();
        } catch (BatchStoreException e) {
            return false;
        }
    }
}
