package org.mailmigrator.core.tests.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.StateStore;

/**
 * The engine alone, against in-memory accounts whose message ids are UUIDs: first pass, second pass, the
 * multiset rule, an epoch change, flags, mirror, and an interruption at every checkpoint followed by a resume; each
 * against the embedded H2 store and a PostgreSQL database ({@link Stores}): the state store's contract is the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineTest {
    private final Stores stores = new Stores();

    static final String A = "From: a@example.org\r\nTo: b@example.org\r\nSubject: hello\r\nMessage-ID: <1@example.org>\r\n\r\nbody one\r\n";
    static final String B = "From: a@example.org\r\nSubject: twice\r\nMessage-ID: <2@example.org>\r\n\r\nsame\r\n";
    static final String NO_ID = "From: c@example.org\r\nSubject: no message-id\r\n\r\nno id here\r\n";

    static MemoryMail source() {
        MemoryMail src = new MemoryMail();
        src.add("INBOX", A, Set.of("\\Seen"));
        src.add("INBOX", B, Set.of());
        src.add("INBOX", B, Set.of()); // an exact duplicate: both are the user's
        src.add("INBOX", NO_ID, Set.of("\\Flagged"));
        src.add("INBOX", NO_ID, Set.of("\\Flagged"));
        src.add("Archive", A.replace("hello", "archived"), Set.of());
        return src;
    }

    static MigrationReport run(MemoryMail src, MemoryMail dst, StateStore state, MigrationSettings settings,
            MigrationListener listener) {
        return new MigrationEngine(src.sessions(), dst.sessions(), state, settings, listener).run();
    }

    @AfterAll
    void stopStores() throws Exception {
        stores.close();
    }

    static MigrationSettings settings() {
        return MigrationSettings.defaults().withParallelism(1).withBatchSize(2);
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void firstPassCopiesEveryMessageAsAMultisetAndTheSecondCopiesNothing(Stores.Kind kind) throws Exception {
        MemoryMail src = source();
        MemoryMail dst = new MemoryMail();
        try (StateStore state = stores.fresh(kind).open("pair")) {
            MigrationReport first = run(src, dst, state, settings(), MigrationListener.NONE);
            assertEquals(Outcome.COMPLETED, first.outcome(), first.failure());
            assertEquals(6, first.copied());
            assertEquals(src.texts("INBOX"), dst.texts("INBOX"), "duplicates and messages without Message-ID copied");
            assertEquals(src.texts("Archive"), dst.texts("Archive"));
            MigrationReport second = run(src, dst, state, settings(), MigrationListener.NONE);
            assertEquals(0, second.copied(), second.toString());
            assertEquals(6, second.alreadyPresent());
            assertEquals(5, dst.texts("INBOX").size());
        }
    }

    /**
     * A batch (journal, writes, record: two commits of the state store) holds the batch size's messages, and ends
     * sooner once it holds 512 KiB a message of that size: small messages go 500 to a batch by default (1,100 in
     * three), big ones fewer (batches of 4 end at 2 MiB: 1.5 MiB messages go two by two). Every message is copied.
     */
    @Test
    void aBatchEndsAtItsSizeOrItsBytes() throws Exception {
        MemoryMail src = new MemoryMail();
        for (int i = 0; i < 1100; i++) {
            src.add("INBOX", "From: a@example.org\r\nSubject: small " + i + "\r\n\r\nbody\r\n", Set.of());
        }
        String big = "x".repeat(1536 * 1024);
        for (int i = 0; i < 5; i++) {
            src.add("Big", "From: a@example.org\r\nSubject: big " + i + "\r\n\r\n" + big + "\r\n", Set.of());
        }
        for (int i = 0; i < 3; i++) {
            src.add("Small", "From: a@example.org\r\nSubject: small " + i + "\r\n\r\nbody\r\n", Set.of());
        }
        java.util.Map<String, AtomicInteger> journals = new java.util.concurrent.ConcurrentHashMap<>();
        MigrationListener counting = new MigrationListener() {
            @Override
            public void checkpoint(String step, String folder) {
                if (step.equals("journal-written")) {
                    journals.computeIfAbsent(folder, f -> new AtomicInteger()).incrementAndGet();
                }
            }
        };
        MemoryMail dst = new MemoryMail();
        try (StateStore state = stores.fresh(Stores.Kind.H2).open("pair")) {
            MigrationSettings inboxOnly = MigrationSettings.defaults().withFilters(List.of("^INBOX$"), List.of(),
                    java.util.Map.of());
            MigrationReport inbox = run(src, dst, state, inboxOnly, counting);
            assertEquals(1100, inbox.copied(), inbox.toString());
            assertEquals(3, journals.get("INBOX").get(), "500 + 500 + 100");
            MigrationReport rest = run(src, dst, state, MigrationSettings.defaults().withBatchSize(4), counting);
            assertEquals(8, rest.copied(), rest.toString());
            assertEquals(3, journals.get("Big").get(), "2 + 2 + 1 messages of 1.5 MiB");
            assertEquals(1, journals.get("Small").get(), "3 small messages in one batch of 4");
        }
        assertEquals(src.texts("Big"), dst.texts("Big"));
        assertEquals(src.texts("INBOX"), dst.texts("INBOX"));
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void anEpochChangeRebuildsTheMapFromFingerprintsWithoutCopyingAgain(Stores.Kind kind) throws Exception {
        MemoryMail src = source();
        MemoryMail dst = new MemoryMail();
        try (StateStore state = stores.fresh(kind).open("pair")) {
            run(src, dst, state, settings(), MigrationListener.NONE);
            src.renumber("INBOX");
            src.add("INBOX", B, Set.of()); // a third copy of B arrives with the new epoch
            MigrationReport r = run(src, dst, state, settings(), MigrationListener.NONE);
            assertEquals(Outcome.COMPLETED, r.outcome(), r.failure());
            assertEquals(1, r.copied(), "only the new third copy: " + r);
            assertEquals(src.texts("INBOX"), dst.texts("INBOX"));
        }
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void flagChangesPropagateAndMirrorRemovesOnlyOurCopies(Stores.Kind kind) throws Exception {
        MemoryMail src = source();
        MemoryMail dst = new MemoryMail();
        try (StateStore state = stores.fresh(kind).open("pair")) {
            run(src, dst, state, settings(), MigrationListener.NONE);
            String first = src.folder("INBOX").messages.keySet().iterator().next();
            src.setFlags("INBOX", first, Set.of("\\Seen", "\\Answered"));
            MigrationReport r = run(src, dst, state, settings(), MigrationListener.NONE);
            assertEquals(1, r.flagsUpdated(), r.toString());
            assertTrue(dst.folder("INBOX").messages.values().stream()
                    .anyMatch(m -> m.text().equals(A) && m.flags.equals(Set.of("\\Seen", "\\Answered"))));

            dst.add("INBOX", "From: x@example.org\r\nSubject: arrived on the destination\r\n\r\nmine\r\n", Set.of());
            src.remove("INBOX", first);
            MigrationReport mirror = run(src, dst, state, settings().withMirror(true), MigrationListener.NONE);
            assertEquals(1, mirror.removed(), mirror.toString());
            assertEquals(5, dst.texts("INBOX").size(), "the message that arrived on the destination stays");
            assertTrue(dst.texts("INBOX").stream().noneMatch(A::equals));
        }
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void aCopyRemovedOnTheDestinationIsCopiedAgain(Stores.Kind kind) throws Exception {
        MemoryMail src = source();
        MemoryMail dst = new MemoryMail();
        try (StateStore state = stores.fresh(kind).open("pair")) {
            run(src, dst, state, settings(), MigrationListener.NONE);
            String copy = dst.folder("INBOX").messages.keySet().iterator().next();
            dst.remove("INBOX", copy);
            MigrationReport r = run(src, dst, state, settings(), MigrationListener.NONE);
            assertEquals(1, r.copied(), r.toString());
            assertEquals(src.texts("INBOX"), dst.texts("INBOX"));
        }
    }

    /**
     * A source that refuses the pair ends the run with the outcome of its reason, through the one mapping a
     * calendar/contacts run uses too ({@link Outcome#of}); the command line turns each into its own exit code.
     */
    @Test
    void anAccountFailureEndsTheRunWithTheOutcomeOfItsReason() throws Exception {
        java.util.Map<ConnectorException.AccountFailure.Reason, Outcome> expected = java.util.Map.of(
                ConnectorException.AccountFailure.Reason.CONNECTION, Outcome.CONNECTION_FAILED,
                ConnectorException.AccountFailure.Reason.AUTHENTICATION, Outcome.AUTHENTICATION_FAILED,
                ConnectorException.AccountFailure.Reason.CERTIFICATE, Outcome.CERTIFICATE_REJECTED,
                ConnectorException.AccountFailure.Reason.CONFIGURATION, Outcome.ACCOUNT_FAILED);
        for (ConnectorException.AccountFailure.Reason reason : ConnectorException.AccountFailure.Reason.values()) {
            MemoryMail dst = new MemoryMail();
            try (StateStore state = StateStore.openEmbedded(Files.createTempDirectory("engine"), "pair")) {
                MigrationReport r = new MigrationEngine(() -> {
                    throw new ConnectorException.AccountFailure("refused: " + reason, reason, null);
                }, dst.sessions(), state, settings(), MigrationListener.NONE).run();
                assertEquals(expected.get(reason), r.outcome(), r.failure());
                assertEquals(Outcome.of(reason), r.outcome(), "the same mapping as a calendar/contacts run's");
                assertEquals("refused: " + reason, r.failure());
            }
        }
    }

    /** Interrupted at the n-th checkpoint (journal written, appended, recorded...), then resumed: 0 lost, 0 twice. */
    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void anInterruptionAtEveryCheckpointResumesWithNothingLostAndNothingTwice(Stores.Kind kind) throws Exception {
        MemoryMail src = source();
        int checkpoints;
        {
            AtomicInteger count = new AtomicInteger();
            MemoryMail dst = new MemoryMail();
            try (StateStore state = stores.fresh(kind).open("pair")) {
                run(src, dst, state, settings(), new MigrationListener() {
                    @Override
                    public void checkpoint(String step, String folder) {
                        count.incrementAndGet();
                    }
                });
            }
            checkpoints = count.get();
        }
        assertTrue(checkpoints > 10, "checkpoints: " + checkpoints);
        for (int stop = 1; stop <= checkpoints; stop++) {
            MemoryMail dst = new MemoryMail();
            Stores.Place place = stores.fresh(kind);
            int at = stop;
            AtomicInteger count = new AtomicInteger();
            try (StateStore state = place.open("pair")) {
                MigrationReport cut = run(src, dst, state, settings().withRetries(1, java.time.Duration.ZERO),
                        new MigrationListener() {
                            @Override
                            public void checkpoint(String step, String folder) {
                                if (count.incrementAndGet() == at) {
                                    throw new IllegalStateException("interrupted at " + step);
                                }
                            }
                        });
                assertNotEquals(Outcome.COMPLETED, cut.outcome(), "stop " + at);
            }
            try (StateStore state = place.open("pair")) {
                MigrationReport resumed = run(src, dst, state, settings(), MigrationListener.NONE);
                assertEquals(Outcome.COMPLETED, resumed.outcome(), "stop " + at + ": " + resumed.failure());
                for (String folder : List.of("INBOX", "Archive")) {
                    assertEquals(src.texts(folder), dst.texts(folder), "stop " + at + " in " + folder);
                }
            }
        }
    }
}
