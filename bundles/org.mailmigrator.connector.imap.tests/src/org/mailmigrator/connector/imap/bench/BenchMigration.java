package org.mailmigrator.connector.imap.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.state.StateStore;

/**
 * One migration run of the benchmark, in its own JVM (started with -Xmx128m by {@link ImapBenchmark}):
 * prints "RESULT key=value" lines: wall seconds, counts, bytes, outcome and peak heap.
 * Arguments: host port srcUser dstUser stateDir password parallelism.
 */
public final class BenchMigration {
    private BenchMigration() {
    }

    public static void main(String[] a) throws Exception {
        ConnectContext ctx = ConnectContext.of(Secret.of(a[5]));
        Account src = new Account("imap", Map.of("host", a[0], "port", a[1], "security", "plain", "login", a[2]),
                new CredentialRef(a[2]));
        Account dst = new Account("imap", Map.of("host", a[0], "port", a[1], "security", "plain", "login", a[3]),
                new CredentialRef(a[3]));
        MigrationSettings settings = MigrationSettings.defaults().withParallelism(Integer.parseInt(a[6]));
        long t0 = System.nanoTime();
        MigrationReport r;
        try (StateStore state = StateStore.openEmbeddedInBackground(Path.of(a[4]), "bench")) {
            r = new MigrationEngine(() -> new ImapConnector().open(src, Role.SOURCE, ctx),
                    () -> new ImapConnector().open(dst, Role.DESTINATION, ctx), state, settings, null).run();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "RESULT wall=%.3f engine=%.3f copied=%d present=%d skipped=%d bytes=%d outcome=%s peakHeapMB=%.1f maxHeapMB=%.1f%n",
                wall, r.duration().toMillis() / 1000.0, r.copied(), r.alreadyPresent(), r.skipped().size(), r.bytes(), r.outcome(), peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
        if (r.failure() != null) {
            System.out.println("FAILURE " + r.failure());
        }
    }
}
