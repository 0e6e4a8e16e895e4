package org.mailmigrator.batch.tests;

import java.nio.file.Path;

import org.mailmigrator.batch.store.BatchStore;

/** Holds a workspace's batch store open in its own JVM (as a running batch or the workbench does) until stdin ends. */
public final class StoreHolder {
    private StoreHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (BatchStore store = BatchStore.open(Path.of(args[0]), false)) {
            System.out.println("open " + ProcessHandle.current().pid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close stdin
            }
        }
    }
}
