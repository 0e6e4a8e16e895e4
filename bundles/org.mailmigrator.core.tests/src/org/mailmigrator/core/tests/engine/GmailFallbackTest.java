package org.mailmigrator.core.tests.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.state.StateStore;

/**
 * A Gmail-like source into a destination that cannot copy on the server (the in-memory account offers no
 * {@code serverCopy}, like an Exchange mailbox): each label's copy is uploaded on its own, the run says so, and the
 * mapping is still Gmail's (All Mail only for messages without another label, Starred as a flag, no such folders).
 */
class GmailFallbackTest {
    private static final String A = "From: a@example.org\r\nSubject: labelled twice\r\nMessage-ID: <a@x>\r\n\r\na\r\n";
    private static final String B = "From: b@example.org\r\nSubject: inbox only\r\nMessage-ID: <b@x>\r\n\r\nb\r\n";
    private static final String C = "From: c@example.org\r\nSubject: archived, starred\r\nMessage-ID: <c@x>\r\n\r\nc\r\n";

    @Test
    void withoutServerSideCopyEachPlacementIsUploadedAndTheRunSaysSo(@TempDir Path dir) throws Exception {
        MemoryMail src = new MemoryMail();
        src.addGmail("INBOX", A, Set.of("\\Seen"), "11");
        src.addGmail("INBOX", B, Set.of(), "12");
        src.addGmail("Work", A, Set.of("\\Seen"), "11");
        src.addGmail("[Gmail]/All Mail", A, Set.of("\\Seen"), "11");
        src.addGmail("[Gmail]/All Mail", B, Set.of(), "12");
        src.addGmail("[Gmail]/All Mail", C, Set.of(), "13");
        src.addGmail("[Gmail]/Starred", C, Set.of(), "13");
        src.specialUse.put("[Gmail]/All Mail", "\\All");
        src.specialUse.put("[Gmail]/Starred", "\\Flagged");
        MemoryMail dst = new MemoryMail();
        dst.folder("INBOX");
        List<String> said = new ArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void info(String message) {
                said.add(message);
            }
        };
        MigrationSettings settings = MigrationSettings.defaults();
        try (StateStore state = StateStore.openEmbedded(dir, "gmail")) {
            MigrationReport r = EngineTest.run(src, dst, state, settings, listener);
            assertEquals(Outcome.COMPLETED, r.outcome(), r.toString());
            assertEquals(List.of(A, B).stream().sorted().toList(), dst.texts("INBOX"));
            assertEquals(List.of(A), dst.texts("Work"));
            assertEquals(List.of(C), dst.texts("Archive"));
            assertEquals(Set.of("\\Flagged"), dst.folder("Archive").messages.values().iterator().next().flags);
            assertFalse(dst.folders().stream().anyMatch(f -> f.name().startsWith("[Gmail]")), dst.folders().toString());
            assertTrue(said.stream().anyMatch(s -> s.startsWith("the destination cannot copy messages on the server")),
                    said.toString());
            assertFalse(r.gmail().serverCopy());
            assertEquals(3, r.gmail().messages());
            assertEquals(4, r.gmail().placements());
            assertEquals(4, r.copied(), "A uploaded into INBOX and into Work");
            assertEquals(List.of(), r.gmail().missing());

            MigrationReport again = EngineTest.run(src, dst, state, settings, listener);
            assertEquals(0, again.copied(), again.toString());
            assertEquals(4, again.gmail().placed());
        }
    }

    @Test
    void aUserLabelNamedLikeAGmailTargetKeepsAllMailApart() throws Exception {
        MemoryMail src = new MemoryMail();
        src.addGmail("Archive", A, Set.of(), "21");
        src.addGmail("[Gmail]/All Mail", A, Set.of(), "21");
        src.addGmail("[Gmail]/All Mail", C, Set.of(), "23");
        src.specialUse.put("[Gmail]/All Mail", "\\All");
        MemoryMail dst = new MemoryMail();
        dst.folder("INBOX");
        var plan = org.mailmigrator.core.engine.MigrationEngine.plan(src.sessions(), dst.sessions(),
                MigrationSettings.defaults());
        var bySource = new java.util.TreeMap<String, String>();
        plan.forEach(p -> bySource.put(p.source(), p.destination() + " | " + p.reason()));
        assertTrue(bySource.get("Archive").startsWith("Archive | Gmail label 'Archive'"), bySource.toString());
        assertTrue(bySource.get("[Gmail]/All Mail").startsWith("[Gmail]/All Mail | "), bySource.toString());
        assertTrue(bySource.get("[Gmail]/All Mail").endsWith("not Archive, where 'Archive' goes"), bySource.toString());
    }
}
