package org.mailmigrator.batch.tests;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.mailmigrator.batch.internal.Sealing;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.csv.CsvImporter;
import org.mailmigrator.batch.csv.ImportOptions;
import org.mailmigrator.batch.csv.ImportResult;
import org.mailmigrator.batch.jobs.BatchManager;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.batch.jobs.Selection;
import org.mailmigrator.batch.secrets.SecretVault;
import org.mailmigrator.batch.store.BatchStore;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.state.StateStore;

/**
 * One timed run of the batch benchmark in its own JVM (-Xmx256m): {@code manager} imports the CSV and runs
 * it through the batch manager; {@code plain} runs the same pairs with the engine on a bare thread pool
 * (the anchor without the manager). Prints a RESULT line. Arguments: mode csv workDir parallel.
 */
public final class BenchChild {
    private BenchChild() {
    }

    public static void main(String[] a) throws Exception {
        String mode = a[0];
        Path csv = Path.of(a[1]);
        Path work = Path.of(a[2]);
        int parallel = Integer.parseInt(a[3]);
        ImportResult imported = new CsvImporter(id -> null, org.mailmigrator.batch.csv.CsvFormats.builtIn()).read(csv, ImportOptions.auto());
        if (!imported.problems().isEmpty()) {
            throw new IllegalStateException(imported.problems().toString());
        }
        long t0 = System.nanoTime();
        List<MigrationReport> reports = mode.equals("plain") ? plain(imported, work, parallel) : managed(imported, work, parallel);
        double wall = (System.nanoTime() - t0) / 1e9;
        double engine = reports.stream().mapToLong(r -> r.duration().toMillis()).sum() / 1000.0;
        long copied = reports.stream().mapToLong(MigrationReport::copied).sum();
        long bytes = reports.stream().mapToLong(MigrationReport::bytes).sum();
        long bad = reports.stream().filter(r -> r.failure() != null).count();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "RESULT wall=%.3f engineSum=%.3f pairs=%d copied=%d bytes=%d failed=%d peakHeapMB=%.1f maxHeapMB=%.1f%n",
                wall, engine, reports.size(), copied, bytes, bad, peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    private static List<MigrationReport> managed(ImportResult imported, Path work, int parallel) throws Exception {
        Workspace ws = new Workspace(work);
        SecretVault vault = SecretVault.open(ws.defaultSecretsKey(), true);
        try (BatchStore store = BatchStore.open(ws.batchesDir(), false);
                BatchManager m = new BatchManager(ws, store, vault, id -> new ImapConnector())) {
            // source and destination share the one test server: 2 sessions of up to 2 connections per pair, so a
            // limit of 4 per pair lets all `parallel` pairs run at once, as the anchor does
            new Sealing(store, vault).store("bench", imported, false, parallel, 4 * parallel, Optional.empty(), Optional.empty());
            m.start("bench", Selection.PENDING, List.of(), RunSettings.defaults().withAllowPlaintext(true));
            m.join("bench", Duration.ofHours(2));
            long notSynced = store.states("bench").stream().filter(s -> s.status() != MigrationStatus.SYNCED
                    && s.status() != MigrationStatus.SYNCED_WITH_ERRORS).count();
            if (notSynced > 0) {
                throw new IllegalStateException(notSynced + " pair(s) not synced: " + store.states("bench"));
            }
            return new ArrayList<>(m.reports("bench").values());
        }
    }

    private static List<MigrationReport> plain(ImportResult imported, Path work, int parallel) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<MigrationReport>> results = new ArrayList<>();
        Files.createDirectories(work);
        for (var p : imported.pairs()) {
            results.add(pool.submit(() -> {
                Account src = plainAccount(p.migration().source());
                Account dst = plainAccount(p.migration().destination());
                try (StateStore state = StateStore.openEmbedded(work, p.migration().id())) {
                    return new MigrationEngine(
                            () -> new ImapConnector().open(src, Role.SOURCE, ConnectContext.of(p.sourcePassword())),
                            () -> new ImapConnector().open(dst, Role.DESTINATION, ConnectContext.of(p.destinationPassword())),
                            state, MigrationSettings.defaults().withParallelism(1), null).run();
                }
            }));
        }
        List<MigrationReport> out = new ArrayList<>();
        for (Future<MigrationReport> f : results) {
            out.add(f.get());
        }
        pool.shutdown();
        return out;
    }

    private static Account plainAccount(Account a) {
        var s = new java.util.HashMap<>(a.settings());
        s.put("security", "plain");
        return new Account(a.connectorId(), Map.copyOf(s), new CredentialRef(a.credential().key()));
    }
}
