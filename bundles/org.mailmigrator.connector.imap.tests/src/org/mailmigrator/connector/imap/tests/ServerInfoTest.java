package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MessageBody;
import org.mailmigrator.core.mail.Quota;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.DovecotOptions;

/**
 * {@link MailStore#capabilities()}, {@link MailStore#quotas(String)} and {@link MailStore#appendLimit()} of
 * the IMAP connector against a Dovecot with the quota plugins and an announced APPENDLIMIT, and against one
 * without: the usage follows what is appended.
 */
class ServerInfoTest {

    @Test
    void quotaCapabilitiesAndAppendLimit() throws Exception {
        try (Dovecot d = Dovecot.start(DovecotOptions.of(Dovecot.Layout.SLASH).withAppendLimit(100_000).withQuotaKib(2048));
                ConnectorSession s = open(d, "info")) {
            MailStore store = s.capability(MailStore.class).orElseThrow();
            assertEquals(List.of(new Quota("User quota", "STORAGE", 0, 2048)), store.quotas("INBOX"));
            assertTrue(store.capabilities().contains("QUOTA") && store.capabilities().contains("APPENDLIMIT=100000")
                    && store.capabilities().contains("IMAP4rev1"), store.capabilities().toString());
            assertEquals(Optional.of(100_000L), store.appendLimit());
            try (Mailbox box = store.open("INBOX", true)) {
                byte[] msg = ("Subject: sized\r\n\r\n" + "q".repeat(30 * 1024 - 20) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                box.append(body(msg), Set.of(), Instant.ofEpochSecond(1_700_000_000L));
            }
            assertEquals(List.of(new Quota("User quota", "STORAGE", 30, 2048)), store.quotas("INBOX"));
        }
    }

    @Test
    void noQuotaOffered() throws Exception {
        try (Dovecot d = Dovecot.start(Dovecot.Layout.SLASH); ConnectorSession s = open(d, "plain")) {
            MailStore store = s.capability(MailStore.class).orElseThrow();
            assertEquals(List.of(), store.quotas("INBOX"));
            assertFalse(store.capabilities().contains("QUOTA"), store.capabilities().toString());
            assertTrue(store.capabilities().contains("UIDPLUS"), store.capabilities().toString());
            assertEquals(Optional.empty(), store.appendLimit());
        }
    }

    private static ConnectorSession open(Dovecot d, String user) throws Exception {
        Account a = new Account("imap", Map.of("host", Dovecot.HOST, "port", String.valueOf(d.imapPort()), "security",
                "plain", "login", user), new CredentialRef(user));
        return new ImapConnector().open(a, Role.DESTINATION, ConnectContext.of(Secret.of(Dovecot.PASSWORD)));
    }

    private static MessageBody body(byte[] b) {
        return MessageBody.of(b);
    }
}
