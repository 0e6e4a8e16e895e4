package org.mailmigrator.connector.imap.tests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mailmigrator.connector.imap.ImapConnector;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;
import org.mailmigrator.testing.Dovecot;
import org.mailmigrator.testing.ImapServer;

/**
 * The wrong-port cases of the fault suite (issue 11): a port that speaks the other protocol than the one asked
 * for must fail within seconds, as a configuration problem (not retried), with a message that names the fix.
 * Cases: STARTTLS and plain IMAP on Dovecot's implicit-TLS port, implicit TLS on Dovecot's and on another
 * server's (Courier's) plain port, and STARTTLS required from a server that does not offer it.
 */
final class WrongPorts {
    /** Each case must end within this: the greeting wait is 5 s, the port probe 4 s. */
    static final double LIMIT_SECONDS = 15;

    /** One case: where to connect, how, and the words the message must hold. */
    record Case(String name, ImapServer server, int port, String security, String expected) {
    }

    /** What one case gave: its message, time, and whether it was right. */
    record Result(Case c, String message, double seconds, boolean ok) {
        @Override
        public String toString() {
            return String.format("%-44s %5.1f s  %s  %s", c.name(), seconds, ok ? "ok     " : "UNCLEAR", message);
        }
    }

    private WrongPorts() {
    }

    static List<Case> cases(Dovecot dovecot, ImapServer other) {
        List<Case> cases = new ArrayList<>(List.of(
                new Case("imap:// (STARTTLS) on Dovecot's TLS port", dovecot, dovecot.imapsPort(), "starttls",
                        "this port speaks TLS; use imaps://"),
                new Case("imap:// (plain) on Dovecot's TLS port", dovecot, dovecot.imapsPort(), "plain",
                        "this port speaks TLS; use imaps://"),
                new Case("imaps:// on Dovecot's plain port", dovecot, dovecot.imapPort(), "tls",
                        "this port speaks plain IMAP; use imap:// (STARTTLS)")));
        if (other != null) {
            cases.add(new Case("imaps:// on " + other.name() + "'s plain port", other, other.imapPort(), "tls",
                    "this port speaks plain IMAP; use imap:// (STARTTLS)"));
            cases.add(new Case("imap:// (STARTTLS) on " + other.name() + " without STARTTLS", other, other.imapPort(),
                    "starttls", "does not offer STARTTLS"));
        }
        return cases;
    }

    /** Runs every case with the real connector, as a source would connect. */
    static List<Result> run(List<Case> cases, String login) {
        List<Result> results = new ArrayList<>();
        for (Case c : cases) {
            Map<String, String> s = new HashMap<>(Map.of("host", c.server().host(), "port", String.valueOf(c.port()),
                    "security", c.security(), "login", login));
            Account account = new Account("imap", s, new CredentialRef(login));
            long start = System.nanoTime();
            String message;
            boolean configuration = false;
            try (ConnectorSession session = new ImapConnector().open(account, Role.SOURCE,
                    ConnectContext.of(Secret.of(c.server().password())))) {
                message = "connected: the wrong port was not noticed";
            } catch (ConnectorException.AccountFailure e) {
                message = e.getMessage();
                configuration = true;
            } catch (ConnectorException e) {
                message = "retried as transient: " + e.getMessage();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            boolean ok = configuration && message.contains(c.expected()) && seconds < LIMIT_SECONDS
                    && !message.contains("Exception") && !message.contains(c.server().password());
            results.add(new Result(c, message, seconds, ok));
        }
        return results;
    }
}
