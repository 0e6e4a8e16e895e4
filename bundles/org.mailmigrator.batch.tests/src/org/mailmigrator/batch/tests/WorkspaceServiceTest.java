package org.mailmigrator.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.csv.ImportOptions;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.batch.workspace.BatchDefaults;
import org.mailmigrator.batch.workspace.BatchWorkspace;
import org.mailmigrator.batch.workspace.WorkspaceService;
import org.mailmigrator.core.model.Secret;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * The headless workspace service as the workbench and the command line get it: from the OSGi service registry,
 * made by Declarative Services; one open workspace per folder, shared by its holders, released with the last.
 */
class WorkspaceServiceTest {

    static WorkspaceService service() {
        BundleContext context = FrameworkUtil.getBundle(WorkspaceService.class).getBundleContext();
        assertNotNull(context, "the batch bundle is started (lazy activation)");
        ServiceReference<WorkspaceService> ref = context.getServiceReference(WorkspaceService.class);
        assertNotNull(ref, "Declarative Services registered the workspace service");
        assertEquals("org.mailmigrator.batch.workspaces", ref.getProperty("component.name"));
        return context.getService(ref);
    }

    @Test
    void oneWorkspacePerFolderSharedByItsHoldersAndReleasedWithTheLast(@TempDir Path dir) throws Exception {
        WorkspaceService service = service();
        Workspace a = new Workspace(dir.resolve("a"));
        Path lockRecord = a.batchesDir().resolve("batches.owner");
        try (BatchWorkspace first = service.open(a, Optional.empty())) {
            try (BatchWorkspace again = service.open(new Workspace(dir.resolve("b/../a")), Optional.empty());
                    BatchWorkspace other = service.open(new Workspace(dir.resolve("b")), Optional.empty())) {
                assertSame(first.store(), again.store(), "the same folder, however written, is one workspace");
                assertNotSame(first.store(), other.store(), "another folder is another workspace");
                again.create(new BatchSpec("shared", List.of(), 4, 10, Optional.empty(), Optional.empty(), Instant.now()));
                assertEquals(List.of("shared"), first.store().names());
                assertEquals(List.of(), other.store().names());
                first.vault(true);
                other.vault(true);
                assertSame(first.manager(), again.manager(), "one job manager per workspace");
                assertNotSame(first.manager(), other.manager());
            }
            assertTrue(Files.exists(lockRecord), "the first holder still holds the store");
            assertEquals(List.of("shared"), first.store().names(), "closing the others left it open");
        }
        assertFalse(Files.exists(lockRecord), "the last holder released the store's lock");
    }

    @Test
    void anExistingWorkspaceOpensUnchanged(@TempDir Path dir) throws Exception {
        Workspace ws = new Workspace(dir);
        ws.prepare();
        var imported = Platform.importer(service().connectors()).read(
                        "imap.old.example;alice;Old-pw-1;imap.new.example;alice;New-pw-2;;\n".getBytes(StandardCharsets.UTF_8),
                        ImportOptions.auto());
        // written as the releases before the service did: the store and the vault opened by hand
        try (BatchStore store = BatchStore.open(ws.batchesDir(), false)) {
            var spec = new org.mailmigrator.batch.internal.Sealing(store, SecretVault.open(ws.defaultSecretsKey(), true)).store("old",
                    imported, false, 3, 5, Optional.empty(), Optional.empty());
            assertEquals(1, spec.migrations().size());
        }
        try (BatchWorkspace w = service().openToRead(ws, Optional.empty())) {
            BatchSpec old = w.definitions().batch("old").orElseThrow();
            assertEquals(new BatchDefaults(3, 5), new BatchDefaults(old.concurrency(), old.perHostLimit()));
            assertEquals("QUEUED", w.ledger().states("old").get(0).status().name());
            var creds = w.credentials(old.migrations().get(0));
            assertEquals(Secret.of("Old-pw-1"), creds.source());
            assertEquals(Secret.of("New-pw-2"), creds.destination());
        }
    }
}
