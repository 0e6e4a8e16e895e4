package org.mailmigrator.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where ./run-tests.sh unpacked the servers that cannot be installed beside Dovecot
 * ({@code releng/scripts/test-servers.sh}): {@code $MM_TEST_SERVERS/<name>/root}, by default under
 * {@code /opt/mailmigrator-test-servers}. A missing tree fails the test: a missing server is never a pass.
 */
final class ServerTree {
    private ServerTree() {
    }

    static Path root(String name, String probe) throws IOException {
        String base = System.getenv().getOrDefault("MM_TEST_SERVERS", "/opt/mailmigrator-test-servers");
        Path root = Path.of(base, name, "root");
        if (!Files.exists(root.resolve(probe))) {
            throw new IOException(name + " is not unpacked under " + root + " (./run-tests.sh unpacks it when run as"
                    + " root: source releng/scripts/test-servers.sh; mm_ensure_test_servers)");
        }
        return root;
    }

    /** The command run as the unprivileged user (setpriv execs: the process handle is the server itself). */
    static List<String> asUser(RunAs runAs, String... cmd) {
        List<String> out = new ArrayList<>();
        if (runAs.root()) {
            out.addAll(List.of("setpriv", "--reuid=" + runAs.uid(), "--regid=" + runAs.gid(), "--init-groups"));
        }
        out.addAll(List.of(cmd));
        return out;
    }
}
