package org.mailmigrator.connector.imap.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.spi.PinningTrustManager;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;

/** The declared settings of an IMAP account, checked: each problem names the setting and the value. */
public record ImapSettings(String host, int port, Security security, String login, List<byte[]> trustSha256,
        Optional<Path> trustStore, int stallSeconds, String compress) {

    /** How the connection is protected. */
    public enum Security {
        /** Implicit TLS from the first byte (imaps, port 993). */
        TLS,
        /** Plain connection upgraded with STARTTLS, which is required: no silent downgrade. */
        STARTTLS,
        /** No encryption at all: only when the administrator explicitly allowed plaintext. */
        PLAIN
    }

    public static ImapSettings of(Account account) throws ConnectorException.AccountFailure {
        String host = account.setting("host").filter(h -> !h.isBlank())
                .orElseThrow(() -> invalid("setting 'host' is required"));
        String securityText = account.setting("security").orElse("tls").trim().toLowerCase(Locale.ROOT);
        Security security = switch (securityText) {
            case "tls", "ssl", "imaps" -> Security.TLS;
            case "starttls" -> Security.STARTTLS;
            case "plain", "none" -> Security.PLAIN;
            default -> throw invalid("setting 'security' is '" + securityText + "'; expected tls, starttls or plain");
        };
        int port;
        String portText = account.setting("port").orElse("").trim();
        if (portText.isEmpty()) {
            port = security == Security.TLS ? 993 : 143;
        } else {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw invalid("setting 'port' is '" + portText + "'; expected a number from 1 to 65535");
            }
        }
        String login = account.setting("login").filter(l -> !l.isBlank())
                .orElseThrow(() -> invalid("setting 'login' is required"));
        List<byte[]> pins;
        try {
            pins = PinningTrustManager.pins(account.setting("trustSha256").orElse(""));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        Optional<Path> store = account.setting("trustStore").filter(t -> !t.isBlank()).map(Path::of);
        int stall = StallWatch.seconds(account.setting("stallSeconds").orElse(null));
        String compress; // off, on or auto (Compression.Mode)
        try {
            compress = Compression.parse(account.setting("compress").orElse("")).word();
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        return new ImapSettings(host.trim(), port, security, login, pins, store, stall, compress);
    }

    private static ConnectorException.AccountFailure invalid(String message) {
        return new ConnectorException.AccountFailure("IMAP account: " + message, Reason.CONFIGURATION, null);
    }

    /** "alice@imap.example.org:993 (tls)": for messages; never contains the password. */
    public String describe() {
        return login + "@" + host + ":" + port + " (" + security.name().toLowerCase(Locale.ROOT) + ")";
    }
}
