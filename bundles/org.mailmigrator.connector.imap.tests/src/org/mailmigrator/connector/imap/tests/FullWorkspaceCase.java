package org.mailmigrator.connector.imap.tests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The full-workspace case of the fault suite (issue 11), through the real command line (so in OSGi: the short
 * form, {@link FaultSuiteTest}): the first {@code batch import} into a workspace on a full file system must say
 * "disk full" with a path, exit with a failure code, leave no 0-byte {@code secrets.key} (which broke every later
 * import), and the same import after the space is freed must succeed and show the batch.
 */
final class FullWorkspaceCase {
    private FullWorkspaceCase() {
    }

    static FullDiskCases.Result run(Path work) throws Exception {
        Path csv = work.resolve("fw.csv");
        Files.writeString(csv, "source.server,source.login,source.password,destination.server,destination.login,"
                + "destination.password\nimaps://old.example.org,alice,Sekr3tFw1,imaps://new.example.org,alice,Sekr3tFw2\n",
                StandardCharsets.UTF_8);
        try (FullDisk disk = FullDisk.mount(work.resolve("fw-disk"), 4L << 20)) {
            Path ws = disk.dir().resolve("ws");
            disk.fill(0);
            CliRun first = CliRun.of(List.of("batch", "import", csv.toString(), "--workspace", ws.toString(), "--name", "fw"));
            Path key = ws.resolve("secrets.key");
            boolean emptyKey = Files.exists(key) && Files.size(key) == 0;
            disk.free();
            CliRun again = CliRun.of(List.of("batch", "import", csv.toString(), "--workspace", ws.toString(), "--name", "fw"));
            CliRun status = CliRun.of(List.of("batch", "status", "fw", "--workspace", ws.toString()));
            String said = first.err() + first.out();
            boolean ok = first.code() != 0 && said.contains("disk full") && said.contains(disk.dir().toString())
                    && !said.contains("Exception") && !said.contains("\tat ") && !said.contains("Sekr3t") && !emptyKey
                    && again.code() == 0 && status.code() == 0 && status.out().contains("alice");
            return new FullDiskCases.Result("workspace full at the first import", "exit " + first.code() + ": "
                    + said.strip() + (emptyKey ? " [a 0-byte secrets.key was left]" : ""),
                    "import exit " + again.code() + ", status exit " + status.code(), ok);
        }
    }
}
