package org.mailmigrator.connector.imap.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.mailmigrator.core.state.CopiedMessage;
import org.mailmigrator.core.state.FolderState;
import org.mailmigrator.core.state.JournalEntry;
import org.mailmigrator.core.state.StateStore;

/**
 * The state store driven the way the engine drives it, forever, for the kill-cycle test: round-robin over
 * {@link #FOLDERS} folder pairs (created on first use), each step journals {@link #BATCH} messages, then
 * records them (and drops their journal) in one transaction. Arguments: stateDir.
 */
public final class StateStoreChild {
    static final int FOLDERS = 12;
    static final int BATCH = 5;

    private StateStoreChild() {
    }

    public static void main(String[] a) throws Exception {
        try (StateStore state = StateStore.openEmbedded(Path.of(a[0]), "pair")) {
            System.out.println("opened");
            for (long step = 0;; step++) {
                int k = (int) (step % FOLDERS);
                FolderState f = state.folder("src/" + k, "dst/" + k);
                long n = state.copied(f.id()).size();
                if (!state.journal(f.id()).isEmpty()) {
                    state.clearJournal(f.id()); // what the engine does once it looked at the destination
                }
                List<JournalEntry> journal = new ArrayList<>();
                List<CopiedMessage> copied = new ArrayList<>();
                for (long uid = n + 1; uid <= n + BATCH; uid++) {
                    journal.add(new JournalEntry(String.valueOf(uid), "fp" + uid, String.valueOf(1000 + n)));
                    copied.add(new CopiedMessage(String.valueOf(uid), String.valueOf(1000 + uid), "fp" + uid, Set.of("\\Seen")));
                }
                state.addJournal(f.id(), journal);
                state.recordCopied(f.withDestination("7", String.valueOf(1001 + n + BATCH)), copied);
            }
        }
    }
}
