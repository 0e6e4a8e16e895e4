package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.cli.internal.migrate.ExitCodes;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.ChildJvm;

/**
 * An unknown host stops the pair at once with a connection failure (exit code 3) naming the host. Run in a
 * child JVM whose name resolution reads only a hosts file (jdk.net.hosts.file), so the test never sends a
 * DNS query: no network beyond loopback.
 */
class UnknownHostTest {

    @Test
    void anUnknownHostIsAConnectionFailureNamingTheHost(@TempDir Path dir) throws Exception {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, "127.0.0.1 localhost\n");
        ProcessBuilder pb = ChildJvm.command(ChildMigration.BUNDLES, ChildMigration.class, List.of("-Djdk.net.hosts.file=" + hosts),
                List.of("imap.no-such-host.example", "143", "a", "b", dir.resolve("state").toString(), Dovecot.PASSWORD, "0"));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertTrue(out.contains("finished " + Outcome.CONNECTION_FAILED), out);
        assertTrue(out.contains("no such host imap.no-such-host.example (DNS)"), out);
        assertTrue(!out.contains("refused"), out);
        assertEquals(3, ExitCodes.of(Outcome.CONNECTION_FAILED));
    }
}
