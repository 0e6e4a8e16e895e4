package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.testing.ChildJvm;

/**
 * The short form of the fault-injection suite (the long one is benchmarks/faults/run.sh): a few SIGKILLed and
 * resumed passes through a relay that cuts and stalls connections, source changes during runs, destination
 * expunges between them, one two-writer trial; then nothing lost, duplicated or modified, no hang, no secret.
 */
class FaultSuiteTest {

    @Test
    void killsCutsChangesAndASecondWriterLoseDuplicateAndLeakNothing(@TempDir Path work) throws Exception {
        FaultSuite suite = new FaultSuite(args -> ChildJvm.command(
                ChildMigration.BUNDLES, FaultChild.class, List.of("-Xmx160m"), args), 7, work);
        suite.maxKillMillis = 1500;
        Map<String, Integer> t = suite.run(Integer.getInteger("mailmigrator.faultcycles", 7), 4, 3);
        String report = FaultSuite.print(t) + String.join("\n", suite.notes());
        System.out.println(report);
        for (String zero : FaultSuite.ZEROS) {
            assertEquals(0, t.get(zero), zero + "\n" + report);
        }
        assertTrue(t.get("killed") >= 1, "some passes were killed:\n" + report);
        assertEquals(1, t.get("two-writer trials"), report);
        assertTrue(suite.notes().stream().anyMatch(n -> n.startsWith("relay: ") && !n.startsWith("relay: 0 ")), report);
    }

    @Test
    void wrongPortsEndWithinSecondsAndNameTheFix(@TempDir Path work) throws Exception {
        FaultSuite suite = new FaultSuite(args -> null, 7, work);
        Map<String, Integer> t = suite.wrongPorts();
        String report = String.join("\n", suite.notes());
        System.out.println(report);
        assertEquals(5, t.get("wrong-port cases"), report);
        assertEquals(0, t.get("wrong ports unclear"), report);
    }

    @Test
    void fullFileSystemsSayDiskFullWithThePathAndARerunAfterFreeingSpaceCompletes(@TempDir Path work) throws Exception {
        FaultSuite suite = new FaultSuite(args -> null, 7, work);
        Map<String, Integer> t = suite.fullDisk(true);
        String report = String.join("\n", suite.notes());
        System.out.println(report);
        assertEquals(4, t.get("full-disk cases"), report);
        assertEquals(0, t.get("full disk unclear"), report);
    }

    /** Quota and APPENDLIMIT cycles with provider limit answers injected ({@link QuotaFaults}, issues 11 and 14). */
    @Test
    void quotaAndAppendLimitCyclesLoseAndDuplicateNothing(@TempDir Path work) throws Exception {
        QuotaFaults q = new QuotaFaults(7, work);
        Map<String, Integer> t = q.run(3, 60);
        String report = QuotaFaults.print(t) + String.join("\n", q.notes());
        System.out.println(report);
        for (String zero : List.of("lost", "duplicated", "unexpected skips")) {
            assertEquals(0, t.get(zero), zero + "\n" + report);
        }
        assertTrue(t.get("full stops") >= 2, "the destination was full in several passes:\n" + report);
        assertTrue(t.get("limit answers") >= 1, report);
        assertEquals(3 * 4, t.get("over APPENDLIMIT listed"), "each message over the limit listed in every pass:\n" + report);
    }
}
