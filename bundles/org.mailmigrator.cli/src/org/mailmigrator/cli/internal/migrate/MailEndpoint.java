package org.mailmigrator.cli.internal.migrate;

import java.nio.file.Path;
import java.util.Locale;

import org.mailmigrator.batch.run.PimTarget;
import org.mailmigrator.core.model.Account;

/**
 * One side of {@code migrate}'s mail path: an IMAP URL (source or target) or an Exchange EWS URL (target only).
 * {@code toString()} never contains a password.
 */
sealed interface MailEndpoint permits ImapUrl, MailEndpoint.Ews {
    String login();

    String host();

    String scheme();

    /** The connector account; TLS pinning options apply to IMAP only. */
    Account account(boolean allowPlaintext, String trustSha256, Path trustStore);

    static MailEndpoint target(String text, boolean allowPlaintext) {
        return text.trim().toLowerCase(Locale.ROOT).startsWith("ews+") ? new Ews(PimTarget.parse(text, allowPlaintext))
                : ImapUrl.parse("--target", text);
    }

    /** {@code ews+https://LOGIN@HOST/EWS/Exchange.asmx}: an Exchange mailbox through EWS (docs/ews-mail.md). */
    record Ews(PimTarget target) implements MailEndpoint {
        @Override
        public String login() {
            return target.login();
        }

        @Override
        public String host() {
            return target.url().getHost();
        }

        @Override
        public String scheme() {
            return "ews+" + target.url().getScheme();
        }

        @Override
        public Account account(boolean allowPlaintext, String trustSha256, Path trustStore) {
            return target.account(allowPlaintext);
        }

        @Override
        public String toString() {
            return target.toString();
        }
    }
}
