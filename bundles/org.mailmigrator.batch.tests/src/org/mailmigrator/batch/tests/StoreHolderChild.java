package org.mailmigrator.batch.tests;

import java.nio.file.Path;

import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.store.BatchStore;

/**
 * Holds a workspace's batch store open for writing in another process, as a workbench does, until its
 * standard input closes. Prints "holding" once it holds it. Arguments: workspace.
 */
public final class StoreHolderChild {
    private StoreHolderChild() {
    }

    public static void main(String[] args) throws Exception {
        Workspace ws = new Workspace(Path.of(args[0]));
        try (BatchStore store = BatchStore.open(ws.batchesDir(), false)) {
            System.out.println("holding");
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the test closes our input
            }
        }
    }
}
