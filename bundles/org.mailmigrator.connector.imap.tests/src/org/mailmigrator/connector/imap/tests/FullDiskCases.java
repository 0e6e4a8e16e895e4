package org.mailmigrator.connector.imap.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.Dovecot;

/**
 * The full-file-system cases of the fault suite (issue 11) that need no OSGi (the long form runs them in a plain
 * JVM): the state folder and the temporary folder each on a small tmpfs filled to a few KB. Each run must end
 * with "disk full" and the path, no Java exception's name, a failed outcome (not completed, not a crash), and
 * a rerun after the space is freed must complete with the destination equal to the source: nothing lost, nothing
 * twice.
 */
final class FullDiskCases {
    /** What one case gave. */
    record Result(String name, String first, String rerun, boolean ok) {
        @Override
        public String toString() {
            return name + ": " + (ok ? "ok" : "UNCLEAR") + "; full: " + first + "; after freeing space: " + rerun;
        }
    }

    private FullDiskCases() {
    }

    static List<Result> run(Dovecot dovecot, Path work) throws Exception {
        List<Result> out = new ArrayList<>();
        Corpus.load(dovecot, "fd-src", 6);
        out.add(stateFolder(dovecot, work.resolve("fd-state0"), 0, "fd-dst-s0")); // cannot even be created
        out.add(stateFolder(dovecot, work.resolve("fd-state16"), 16 * 1024, "fd-dst-s16")); // full during the run
        out.add(tempFolder(dovecot, work.resolve("fd-temp"), work.resolve("fd-temp-state")));
        return out;
    }

    /** The temporary folder (where big messages are spooled) is full; the state folder is not. */
    static Result tempFolder(Dovecot dovecot, Path mount, Path state) throws Exception {
        try (ImapProbe probe = ImapProbe.login(dovecot, "fd-src-big")) {
            probe.append("INBOX", TestCorpus.big(new java.util.Random(5), 2_500_000), java.util.Set.of("\\Seen"),
                    java.time.Instant.parse("2024-05-01T10:00:00Z"));
        }
        String tmpdir = System.getProperty("java.io.tmpdir");
        try (FullDisk disk = FullDisk.mount(mount, 1L << 20)) {
            disk.fill(16 * 1024);
            String first;
            System.setProperty("java.io.tmpdir", disk.dir().toString());
            // no memory for big messages: the 2.5 MB one goes to the temporary folder (else it stays in memory)
            System.setProperty(org.mailmigrator.connector.imap.internal.HeldBodies.PROPERTY, "0");
            try {
                first = text(run(dovecot, "fd-src-big", "fd-dst-temp", state));
            } finally {
                System.setProperty("java.io.tmpdir", tmpdir);
                System.clearProperty(org.mailmigrator.connector.imap.internal.HeldBodies.PROPERTY);
            }
            disk.free();
            MigrationReport again = run(dovecot, "fd-src-big", "fd-dst-temp", state);
            boolean same = same(dovecot, "fd-src-big", "fd-dst-temp");
            boolean ok = first.contains("disk full") && first.contains(mount.toString()) && !first.contains("Exception")
                    && !first.startsWith(Outcome.COMPLETED.name()) && again.outcome() == Outcome.COMPLETED && same;
            return new Result("temporary folder full", first, text(again) + (same ? ", same mail" : ", MAIL DIFFERS"), ok);
        }
    }

    /** The state store's folder is full from the start. */
    static Result stateFolder(Dovecot dovecot, Path mount, long leave, String dst) throws Exception {
        try (FullDisk disk = FullDisk.mount(mount, 8L << 20)) {
            disk.fill(leave);
            Path state = disk.dir().resolve("state");
            String first = text(run(dovecot, "fd-src", dst, state));
            disk.free();
            MigrationReport again = run(dovecot, "fd-src", dst, state);
            boolean same = same(dovecot, "fd-src", dst);
            boolean ok = first.contains("disk full") && first.contains(mount.toString()) && !first.contains("Exception")
                    && !first.startsWith(Outcome.COMPLETED.name()) && again.outcome() == Outcome.COMPLETED && same;
            return new Result("state folder full (" + leave / 1024 + " KB free)", first, text(again) + (same ? ", same mail" : ", MAIL DIFFERS"), ok);
        }
    }

    /** Every source folder's messages (bytes, flags, date) on the destination, each as many times: no JUnit here. */
    private static boolean same(Dovecot dovecot, String src, String dst) throws Exception {
        try (ImapProbe s = ImapProbe.login(dovecot, src); ImapProbe d = ImapProbe.login(dovecot, dst)) {
            Map<String, List<String>> a = s.snapshot();
            Map<String, List<String>> b = d.snapshot();
            return a.entrySet().stream().allMatch(e -> e.getValue().equals(b.getOrDefault(e.getKey(), List.of())));
        }
    }

    private static String text(MigrationReport r) {
        return r.outcome() + (r.failure() == null ? "" : ": " + r.failure()) + " (copied " + r.copied() + ")";
    }

    private static MigrationReport run(Dovecot dovecot, String src, String dst, Path state) throws Exception {
        try {
            try (StateStore store = StateStore.openEmbedded(state, "pair")) {
                return new MigrationEngine(Pair.factory(Pair.account(dovecot, src, "plain", Map.of()), Role.SOURCE,
                        Dovecot.PASSWORD), Pair.factory(Pair.account(dovecot, dst, "plain", Map.of()), Role.DESTINATION,
                                Dovecot.PASSWORD), store, Pair.fast(), MigrationListener.NONE).run();
            }
        } catch (Exception e) {
            return new MigrationReport(Outcome.ACCOUNT_FAILED, "thrown: " + e.getMessage(), List.of(), 0, 0, 0, 0, List.of(), 0,
                    java.time.Duration.ZERO);
        }
    }
}
