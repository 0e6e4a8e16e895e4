package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.Relay;

/**
 * A first run creates and subscribes its folders in bursts ({@code MailStore.createAll}, {@code subscribeAll}):
 * against Dovecot through a relay that counts the client's turns (a turn: the client speaks after the server
 * did, i.e. one round trip; answers are held 50 ms, as a network would, so that loopback does not answer a
 * command before the client wrote the rest of its burst). Nested folders are created parents first; a folder that exists already takes the
 * checking path; a SUBSCRIBE the server refuses (Dovecot: a folder that does not exist) is named, the others done.
 */
class FolderBurstTest {

    @Test
    void createsAndSubscribesFoldersInAFewRoundTrips() throws Exception {
        AtomicInteger turns = new AtomicInteger();
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH);
                Relay relay = Relay.countingTurns(d.imapPort(), turns, 50);
                ConnectorSession s = open(relay.port(), "burst")) {
            MailStore store = s.capability(MailStore.class).orElseThrow();
            store.create("Existing", true);
            List<String> folders = new ArrayList<>(List.of("Burst", "Burst/a", "Burst/a/b", "Burst/Reçus & factures",
                    "Existing", "日本語"));
            for (int i = 0; i < 10; i++) {
                folders.add("Burst/n" + i);
            }

            // what the checking path of a folder that exists costs alone: its CREATE (NO), then Angus's LISTs
            int before = turns.get();
            store.create("Existing", true);
            int existing = turns.get() - before;

            before = turns.get();
            store.createAll(folders);
            int creating = turns.get() - before;
            Map<String, MailFolder> listed = store.folders().stream().collect(Collectors.toMap(MailFolder::name, f -> f));
            for (String f : folders) {
                assertTrue(listed.containsKey(f) && !listed.get(f).attributes().contains("\\Noselect"),
                        f + " was not created as a folder holding messages: " + listed.keySet());
            }
            // three bursts (Burst and the others; its children; Burst/a/b) and Existing's check make 4; a client
            // thread paused mid-burst on a loaded machine probably splits a burst in two here (6 were counted at
            // load ~20); one by one costs 15 + existing
            assertTrue(creating <= folders.size() / 2, "creating 16 folders took " + creating + " round trips ("
                    + existing + " for an existing folder alone)");

            List<String> subscribe = new ArrayList<>(folders);
            subscribe.add("Nowhere");
            before = turns.get();
            Map<String, ConnectorException.ItemFailure> refused = store.subscribeAll(subscribe);
            int subscribing = turns.get() - before;
            assertEquals(Set.of("Nowhere"), refused.keySet(), refused.toString());
            assertTrue(refused.get("Nowhere").getMessage().contains("refused to subscribe folder 'Nowhere'"),
                    refused.get("Nowhere").getMessage());
            assertTrue(subscribing <= 3, "subscribing 17 folders took " + subscribing + " round trips"); // 1 burst
            listed = store.folders().stream().collect(Collectors.toMap(MailFolder::name, f -> f));
            for (String f : folders) {
                assertTrue(listed.get(f).subscribed(), f + " is not subscribed");
            }
        }
    }

    private static ConnectorSession open(int port, String user) throws Exception {
        Account a = new Account("imap", Map.of("host", Dovecot.HOST, "port", String.valueOf(port), "security",
                "plain", "login", user), new CredentialRef(user));
        return new ImapConnector().open(a, Role.DESTINATION, ConnectContext.of(Secret.of(Dovecot.PASSWORD)));
    }
}
