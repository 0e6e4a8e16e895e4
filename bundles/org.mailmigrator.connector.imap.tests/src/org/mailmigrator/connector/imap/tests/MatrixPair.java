package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.engine.AlteredItem;
import org.mailmigrator.core.engine.FolderPlan;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.engine.SessionFactory;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.state.StateStore;
import org.mailmigrator.testing.ImapServer;

/** One account pair between any two test servers, through the real connector and engine, and its check. */
record MatrixPair(ImapServer source, String sourceUser, ImapServer destination, String destinationUser, Path stateDir) {

    MatrixPair withState(Path other) {
        return new MatrixPair(source, sourceUser, destination, destinationUser, other);
    }

    private static SessionFactory factory(ImapServer s, String user, Role role) {
        Account account = new Account("imap", Map.of("host", s.host(), "security", "plain", "login", user,
                "port", String.valueOf(s.imapPort())), new CredentialRef(user));
        return () -> new ImapConnector().open(account, role, ConnectContext.of(Secret.of(s.password())));
    }

    MigrationReport run(MigrationSettings settings, MigrationListener listener) throws Exception {
        try (StateStore state = StateStore.openEmbedded(stateDir, "pair")) {
            return new MigrationEngine(factory(source, sourceUser, Role.SOURCE),
                    factory(destination, destinationUser, Role.DESTINATION), state, settings, listener).run();
        }
    }

    MigrationReport run() throws Exception {
        return run(Pair.fast(), MigrationListener.NONE);
    }

    /**
     * Per planned folder pair, the destination holds the source's messages (bytes, flags, date) as a multiset;
     * the only differences allowed are the messages the reports named as altered, one rewritten copy each.
     */
    void verify(List<FolderPlan> plan, List<AlteredItem> altered) throws Exception {
        Set<String> alteredKeys = new TreeSet<>();
        altered.forEach(a -> alteredKeys.add(a.folder() + "#" + a.uid()));
        int total = 0;
        try (ImapProbe s = ImapProbe.login(source, sourceUser); ImapProbe d = ImapProbe.login(destination, destinationUser)) {
            for (FolderPlan p : plan) {
                if (!p.selectable()) {
                    continue;
                }
                List<String> expected = s.messages(p.source());
                List<String> actual = d.messages(p.destination());
                List<String> missing = new ArrayList<>(expected);
                actual.forEach(missing::remove);
                List<String> extra = new ArrayList<>(actual);
                expected.forEach(extra::remove);
                long named = alteredKeys.stream().filter(k -> k.startsWith(p.source() + "#")).count();
                String where = p.source() + " -> " + p.destination();
                assertEquals(expected.size(), actual.size(), "message count of " + where + ": " + missing + " / " + extra);
                assertEquals(named, missing.size(), "messages that differ in " + where + " are exactly those reported"
                        + " as altered " + alteredKeys + ": missing " + missing + ", extra " + extra);
                total += expected.size();
            }
        }
        if (total == 0) {
            throw new AssertionError("the test copied nothing");
        }
    }
}
