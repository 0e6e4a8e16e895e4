package org.mailmigrator.batch;

import org.mailmigrator.core.model.Account;

/** How an account is named in tables, reports and mails: login@host, never a secret. */
public final class Labels {
    private Labels() {
    }

    public static String account(Account a) {
        return a.setting("login").orElse("?") + "@" + a.setting("host").orElse("?");
    }
}
