package org.mailmigrator.connector.pop3.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;
import org.mailmigrator.core.spi.PinningTrustManager;

/**
 * The declared settings of a POP3 account (plugin.xml), checked: each problem names the setting and its value.
 *
 * @param tls      implicit TLS from the first byte (pop3s, port 995)
 * @param starttls a plain connection upgraded with STLS, which is then required (pop3, port 110); when neither is
 *                 set the connection stays in plaintext, which only an explicit "allow plaintext" gives
 */
public record Pop3Settings(String host, int port, boolean tls, boolean starttls, String login, List<byte[]> trustSha256,
        Optional<Path> trustStore) {

    public static Pop3Settings of(Account account) throws ConnectorException.AccountFailure {
        try {
            return parse(account);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException.AccountFailure("POP3 account: " + e.getMessage(), Reason.CONFIGURATION, null);
        }
    }

    /** @throws IllegalArgumentException naming the setting that is wrong and its value */
    private static Pop3Settings parse(Account account) {
        String host = required(account, "host");
        String security = account.setting("security").orElse("tls").trim().toLowerCase(Locale.ROOT);
        if (!List.of("tls", "starttls", "plain").contains(security)) {
            throw new IllegalArgumentException("setting 'security' is '" + security + "'; expected tls, starttls or plain");
        }
        boolean tls = security.equals("tls");
        String portText = account.setting("port").orElse("").trim();
        int port = portText.isEmpty() ? (tls ? 995 : 110) : port(portText);
        return new Pop3Settings(host, port, tls, security.equals("starttls"), required(account, "login"),
                PinningTrustManager.pins(account.setting("trustSha256").orElse("")),
                account.setting("trustStore").filter(t -> !t.isBlank()).map(Path::of));
    }

    private static String required(Account account, String setting) {
        return account.setting(setting).map(String::trim).filter(v -> !v.isEmpty())
                .orElseThrow(() -> new IllegalArgumentException("setting '" + setting + "' is required"));
    }

    private static int port(String text) {
        if (text.matches("\\d{1,5}")) {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        }
        throw new IllegalArgumentException("setting 'port' is '" + text + "'; expected a number from 1 to 65535");
    }

    /** True when the connection is protected (POP3S or STLS). */
    public boolean encrypted() {
        return tls || starttls;
    }

    /** "alice@pop.example.org:995 (tls)": for messages; never contains the password. */
    public String describe() {
        return login + "@" + host + ":" + port + " (" + (tls ? "tls" : starttls ? "stls" : "plain") + ")";
    }
}
